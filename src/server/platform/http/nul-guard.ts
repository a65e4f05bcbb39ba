import type { FastifyInstance } from "fastify";
import { BROKEN_TEXT, hasLoneSurrogate } from "../../../contracts/common";
import { invalid } from "../errors";

/** Why PostgreSQL (or any UTF-8 consumer) could not store this string, if it could not. */
function problemOf(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain a NUL character";
  return hasLoneSurrogate(value) ? BROKEN_TEXT : null;
}

/**
 * PostgreSQL text cannot hold U+0000, and a lone surrogate (from a JSON "\ud800" escape) is not
 * text at all: either would fail deep inside as a 500. Refuse both up front (400 naming the field)
 * in params, query and body — JSON, keys included, or raw text such as CSV — for every route, even
 * one whose schema forgot the shared `text()`; bytes are left to their reader. Iterative, so a deeply nested body cannot exhaust
 * the stack.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const stack: [unknown, string][] = [
      [request.params, ""],
      [request.query, ""],
      [request.body, ""],
    ];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [value, path] = next;
      if (typeof value === "string") {
        const problem = problemOf(value);
        if (problem) throw invalid(path || "body", problem);
      } else if (ArrayBuffer.isView(value)) {
        // A file's bytes (a text/calendar body): not text here, and walked key by key they would cost
        // an entry per byte. Their reader decodes them and judges what it keeps.
      } else if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) stack.push([item, `${path}[${i}]`]);
      } else if (value && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) {
          const problem = problemOf(key);
          if (problem) throw invalid(path || "body", problem);
          stack.push([item, path ? `${path}.${key}` : key]);
        }
      }
    }
  });
}
