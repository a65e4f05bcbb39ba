/** How much text after an `@` can name a person (names are at most 200 characters; most far shorter). */
export const MENTION_SNIPPET = 80;

/**
 * The text after each `@` that can start a mention: at the start of the text or after a space or
 * punctuation (so "ana@example.com" mentions nobody), outside code spans and fenced code blocks.
 * The server matches people's names against the start of each snippet (`pickMentions`).
 */
export function mentionSnippets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?(```|$)/g, " ").replace(/`[^`\n]*`/g, " ");
  const snippets: string[] = [];
  for (const match of prose.matchAll(/(^|[\s([{>,;:!?"'])@(?=\S)/g)) {
    const start = (match.index ?? 0) + match[0].length;
    snippets.push(prose.slice(start, start + MENTION_SNIPPET));
  }
  return snippets;
}

/**
 * For each snippet, the person whose whole name it starts with (letter case ignored), followed by
 * something that is not a letter or digit; the longest name wins ("@Ana Lima" over "@Ana").
 */
export function pickMentions(
  snippets: readonly string[],
  people: readonly { id: string; name: string }[],
): string[] {
  const found = new Set<string>();
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  for (const snippet of snippets) {
    const lower = snippet.toLocaleLowerCase();
    const person = byLength.find((p) => {
      const name = p.name.toLocaleLowerCase();
      return lower.startsWith(name) && !/[\p{L}\p{N}]/u.test(lower.charAt(name.length));
    });
    if (person) found.add(person.id);
  }
  return [...found];
}
