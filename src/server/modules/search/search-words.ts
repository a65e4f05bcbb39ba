import { invalid } from "../../platform/errors";

/**
 * What `q` asks, beside `websearch_to_tsquery` (which reads all of it: stemmed words, "phrases",
 * -exclusions, `or`): the plain words again as title prefixes, so a half-typed title ("roadm") finds
 * "Roadmap". `prefix` is a `to_tsquery('simple', …)` text (`roadm:*A & plan:*A`: letters and digits
 * only, so nothing in it is tsquery syntax) or null; `rest` is the phrases and exclusions, which the
 * prefix match must honour too. A query with `or` gets no prefix match: its words alternate, and
 * "every word as a prefix" would not mean what was asked.
 */
export interface SearchWords {
  prefix: string | null;
  rest: string;
}

/** At most this many words become title prefixes (q is at most 200 characters anyway). */
const MAX_PREFIX_WORDS = 12;
const WORD = /[\p{L}\p{N}]+/gu;

export function searchWords(q: string): SearchWords {
  const tokens = q.match(/-?"[^"]*"?|\S+/g) ?? [];
  const plain: string[] = [];
  const rest: string[] = [];
  let or = false;
  let positive = false;
  for (const token of tokens) {
    const words = token.match(WORD) ?? [];
    if (words.length === 0) continue;
    if (token.toLowerCase() === "or") or = true;
    else if (token.startsWith("-")) rest.push(token);
    else if (token.startsWith('"')) {
      rest.push(token);
      positive = true;
    } else {
      plain.push(...words.map((w) => w.toLowerCase()));
      positive = true;
    }
  }
  if (!positive)
    throw invalid(
      "q",
      rest.length > 0 ? "type a word to find, not only words to leave out" : "type a word to search for",
    );
  const prefix =
    or || plain.length === 0
      ? null
      : plain
          .slice(0, MAX_PREFIX_WORDS)
          .map((w) => `${w}:*A`)
          .join(" & ");
  return { prefix, rest: rest.join(" ") };
}
