import type { BlockerView, DigestQuestion, DigestView } from "../../../contracts/checkins";

/** A name or short text on one line, its markdown emphasis characters escaped. */
const inline = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]#])/g, "\\$1");
/** A free-text answer under a list item: each further line indented so it stays in the item. */
const indented = (text: string) => text.trim().split("\n").join("\n  ");
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The digest as the feed shows it: "4 of 6 answered", then each question — text answers with their
 * author's name, scale averages, yes/no counts, pulse only as the thresholded aggregate (or the
 * sentence saying why it is held back) — and the blockers with who can unblock. It reads only what
 * `digestOf` gave (built without names of those who did not answer), and never a pulse answer's author.
 */
export function digestMarkdown(digest: DigestView): string {
  const parts = [`**${digest.answered} of ${digest.participants} answered.**`];
  for (const question of digest.questions) {
    if (question.type === "blocker") continue; // listed once, with who can unblock, under Blockers
    parts.push(`### ${inline(question.prompt)}`, questionText(question));
  }
  parts.push("### Blockers", blockersText(digest.blockers));
  return parts.join("\n\n");
}

function questionText(q: DigestQuestion): string {
  const lines: string[] = [];
  if (q.type === "text")
    for (const a of q.answers ?? [])
      lines.push(`- **${inline(a.person.name)}**${a.late ? " (late)" : ""}: ${indented(a.text)}`);
  if (q.type === "yes_no") lines.push(`Yes: ${q.yes ?? 0} · No: ${q.no ?? 0}`);
  if ((q.type === "scale" || q.type === "pulse") && q.average !== undefined)
    lines.push(
      `Average ${round(q.average)} of 5 from ${q.respondents} ${q.respondents === 1 ? "answer" : "answers"}`,
    );
  if ((q.type === "scale" || q.type === "pulse") && q.distribution)
    lines.push(q.distribution.map((count, i) => `${i + 1}: ${count}`).join(" · "));
  if (q.type === "pulse" && q.comments && q.comments.length > 0)
    lines.push(["Comments:", ...q.comments.map((c) => `- ${indented(c)}`)].join("\n"));
  if (q.withheld) lines.push(`_${inline(q.withheld)}_`);
  if (lines.length === 0) return "No answers.";
  return lines.join("\n\n");
}

function blockersText(blockers: readonly BlockerView[]): string {
  if (blockers.length === 0) return "No blockers.";
  return blockers
    .map((b) => {
      const who = b.assignee ? ` — **${inline(b.assignee.name)}** can unblock` : "";
      const resolved = b.status === "resolved" ? " (resolved)" : "";
      return `- **${inline(b.author.name)}**${resolved}: ${indented(b.text)}${who}`;
    })
    .join("\n");
}
