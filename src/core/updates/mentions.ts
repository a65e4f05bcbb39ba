/** How much text after an `@` can name a person: a whole name (at most 200 characters) and what follows it. */
export const MENTION_SNIPPET = 201;

/**
 * The text after each `@` that can start a mention: at the start of the text or after a space,
 * punctuation or emphasis (`**@Ana**`), so "ana@example.com" mentions nobody; outside code spans and
 * fenced code blocks (``` or ~~~).
 * The server matches people's names against the start of each snippet (`pickMentions`).
 */
export function mentionSnippets(markdown: string): string[] {
  const prose = markdown
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/~~~[\s\S]*?(~~~|$)/g, " ")
    // A code span: a run of backticks, closed by a run of the same length on the same line.
    .replace(/(`+)(?!`).*?(?<!`)\1(?!`)/g, " ");
  const snippets: string[] = [];
  for (const match of prose.matchAll(/(^|[\s([{>,;:!?"'*_~])@(?=\S)/g)) {
    const start = (match.index ?? 0) + match[0].length;
    snippets.push(prose.slice(start, start + MENTION_SNIPPET));
  }
  return snippets;
}

/**
 * For each snippet, the person whose whole name it starts with (letter case ignored), followed by
 * something that is not a letter, digit or combining mark ("@Anabel" does not mention Ana); the
 * longest name wins ("@Ana Lima" over "@Ana").
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
      return lower.startsWith(name) && !/[\p{L}\p{N}\p{M}]/u.test(lower.charAt(name.length));
    });
    if (person) found.add(person.id);
  }
  return [...found];
}
