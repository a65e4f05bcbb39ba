import { fieldInWords, fieldSentence } from "../../../contracts/field-words";

export interface FieldProblem {
  /** As forms key their fields: "week.mon[0].end". */
  path: string;
  /** A sentence naming the field in words: "Monday, first interval: end must be after start". */
  message: string;
}

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: unknown;
}

/** One failed schema check of a request (body, query, params) as a field and a sentence. */
export function schemaProblem(context: string | undefined, issue: SchemaIssue): FieldProblem {
  const path = fieldPath(context, issue.instancePath, issue.params);
  if (issue.keyword === "unrecognized_keys") {
    const parent = dottedPath(issue.instancePath.split("/").filter(Boolean));
    const keys = ((issue.params as { keys?: string[] }).keys ?? []).map((k) => `"${k}"`).join(", ");
    const sentence = `unknown field ${keys}; remove it`;
    return { path, message: parent ? `${fieldInWords(parent)}: ${sentence}` : capitalise(sentence) };
  }
  return { path, message: fieldSentence(path, phraseOf(issue.keyword, issue.message, issue.params)) };
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/**
 * Our schemas say what is wrong in a phrase ("must be at most 200 characters"); zod's own messages
 * ("Invalid input: expected string, received number") are put in words from the issue's code.
 */
function phraseOf(code: string, message: string | undefined, params: unknown): string {
  const p = (params ?? {}) as {
    expected?: string;
    keys?: string[];
    maximum?: number;
    minimum?: number;
    origin?: string;
    values?: unknown[];
  };
  if (code === "unrecognized_keys") {
    const names = (p.keys ?? []).map((k) => `"${k}"`).join(", ");
    return `is not a field we know (${names}); remove it`;
  }
  if (message && !/^(Invalid|Too|Unrecognized|Expected)\b/.test(message)) return message;
  const unit = p.origin === "string" ? " characters" : p.origin === "array" ? " items" : "";
  switch (code) {
    case "invalid_type":
      return /received undefined/.test(message ?? "")
        ? "is required"
        : `must be ${TYPE_WORDS[p.expected ?? ""] ?? p.expected ?? "of another type"}`;
    case "too_big":
      return `must be at most ${p.maximum}${unit}`;
    case "too_small":
      return p.minimum === 1 && unit ? "must not be empty" : `must be at least ${p.minimum}${unit}`;
    case "invalid_value":
      return `must be one of ${(p.values ?? []).map(String).join(", ")}`;
    default:
      return "is not valid";
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function fieldPath(context: string | undefined, instancePath: string, params: unknown): string {
  const parts = instancePath.split("/").filter(Boolean);
  const keys = (params as { keys?: string[] } | undefined)?.keys;
  if (keys?.length) parts.push(keys.join(","));
  return dottedPath(parts) || (context ?? "body");
}

/** ["week", "mon", "0", "end"] → "week.mon[0].end", as forms key their fields. */
function dottedPath(parts: string[]): string {
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}
