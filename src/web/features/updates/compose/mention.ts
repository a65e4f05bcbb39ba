/**
 * `@` mentions while typing: what is being typed after an `@` at the caret, who matches it, and the
 * text once a person is chosen. The server finds mentions by whole names after an `@`
 * (core/updates/mentions.ts), so choosing inserts the whole name.
 */

/** The longest text after `@` still looked up: names are short, and a long run is prose. */
const MAX_QUERY = 40;
/** What may come before an `@` that starts a mention (as the server reads it: not "ana@example.com"). */
const BEFORE = /[\s([{>,;:!?"']/;

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/** The mention being typed at `caret`, or null when the caret is not in one. */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const at = text.lastIndexOf("@", caret - 1);
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && !BEFORE.test(text.charAt(at - 1))) return null;
  const query = text.slice(at + 1, caret);
  // A name may hold spaces ("Priya Sh"), but a mention starts with a letter and never spans lines.
  if (query.includes("\n") || query.includes("@") || /^\s/.test(query)) return null;
  return { start: at, query };
}

/**
 * People whose name, or a word of it, starts with `query` (letter case ignored): those whose whole
 * name starts with it first, then by name.
 */
export function matchPeople<P extends { name: string }>(people: readonly P[], query: string, limit = 6): P[] {
  const q = query.toLocaleLowerCase();
  const rank = (p: P) => {
    const name = p.name.toLocaleLowerCase();
    if (name.startsWith(q)) return 0;
    return name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
  };
  return people
    .map((person) => ({ person, rank: rank(person) }))
    .filter((m) => m.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((m) => m.person);
}

/** The text with the mention being typed replaced by `@Whole Name ` and the caret after it. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
