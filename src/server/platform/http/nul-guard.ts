import type { FastifyInstance } from "fastify";
import { invalid } from "../errors";

/**
 * PostgreSQL text cannot hold U+0000: a string carrying one would reach the database and fail
 * there as a 500. Refuse it up front (400 naming the field) in params, query and body — JSON or
 * raw text such as CSV. Iterative, so a deeply nested body cannot exhaust the stack.
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
        if (value.includes("\u0000")) throw invalid(path || "body", "must not contain a NUL character");
      } else if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) stack.push([item, `${path}[${i}]`]);
      } else if (value && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) {
          if (key.includes("\u0000")) throw invalid(path || "body", "must not contain a NUL character");
          stack.push([item, path ? `${path}.${key}` : key]);
        }
      }
    }
  });
}
