import { and, asc, eq, or } from "drizzle-orm";
import type { ActionItemView, RecapView } from "../../../contracts/meetings";
import type { Executor } from "../../platform/db/types";
import type { MeetingRow } from "./meeting-access";
import { actionItems, agendaItems } from "./meetings.table";
import { actionItemsWhere, type DecisionView, decisionsOf } from "./outcomes.repo";

/** The shared notes in a recap: whole paragraphs while they fit in this many characters. */
export const NOTES_SUMMARY_CHARS = 600;

/**
 * The start of the shared notes: their first paragraphs (blank-line separated) as long as the
 * total stays within {@link NOTES_SUMMARY_CHARS}; when even the first paragraph is longer, it is
 * cut at the last space before the limit and ends with "…". Empty notes give "".
 */
export function notesSummary(body: string): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    const added = length === 0 ? paragraph.length : length + 2 + paragraph.length;
    if (added > NOTES_SUMMARY_CHARS) break;
    kept.push(paragraph);
    length = added;
  }
  if (kept.length > 0) return kept.join("\n\n");
  const first = paragraphs[0];
  if (first === undefined) return "";
  const cut = first.slice(0, NOTES_SUMMARY_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > NOTES_SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface RecapParts {
  decisions: DecisionView[];
  actionItems: ActionItemView[];
  agenda: { title: string; status: "open" | "covered" }[];
  notesBody: string;
}

/** One line of a markdown list, whatever the text holds (line breaks would start new blocks). */
const line = (text: string) => text.replace(/\s+/g, " ").trim();

/** The recap as sent: markdown, with each action item's owner by name; `footer` ends it (what was carried on). */
export function recapMarkdown(
  meeting: Pick<MeetingRow, "title">,
  parts: RecapParts,
  names: ReadonlyMap<string, { name: string }>,
  footer?: string,
): string {
  const section = (heading: string, items: string[]) =>
    items.length === 0 ? [] : [`### ${heading}`, "", ...items.map((i) => `- ${i}`), ""];
  const ownerOf = (a: ActionItemView) => names.get(a.ownerId)?.name ?? "someone no longer here";
  const covered = parts.agenda.filter((i) => i.status === "covered").map((i) => line(i.title));
  const uncovered = parts.agenda.filter((i) => i.status === "open").map((i) => line(i.title));
  const summary = notesSummary(parts.notesBody);
  const lines = [
    `## Recap: ${line(meeting.title)}`,
    "",
    ...section(
      "Decisions",
      parts.decisions.map((d) => line(d.text)),
    ),
    ...section(
      "Action items",
      parts.actionItems.map(
        (a) =>
          `${line(a.text)} — ${line(ownerOf(a))}${a.due ? `, due ${a.due}` : ""}${a.status === "done" ? " (done)" : ""}`,
      ),
    ),
    ...section("Covered", covered),
    ...section("Not covered", uncovered),
    ...(summary === "" ? [] : ["### Notes", "", summary, ""]),
  ];
  if (lines.length === 2) lines.push("Nothing was recorded.", "");
  if (footer) lines.push(footer);
  return lines.join("\n").trimEnd();
}

/** Everything a recap is made of, read from the database (action items moved to the next occurrence included). */
export async function recapParts(executor: Executor, meeting: MeetingRow): Promise<RecapParts> {
  const [decisions, items, agenda] = await Promise.all([
    decisionsOf(executor, meeting),
    actionItemsWhere(
      executor,
      meeting.organisationId,
      or(eq(actionItems.meetingId, meeting.id), eq(actionItems.carriedFrom, meeting.id)),
    ),
    executor
      .select({ title: agendaItems.title, status: agendaItems.status })
      .from(agendaItems)
      .where(
        and(eq(agendaItems.organisationId, meeting.organisationId), eq(agendaItems.meetingId, meeting.id)),
      )
      .orderBy(asc(agendaItems.position)),
  ]);
  return { decisions, actionItems: items, agenda, notesBody: meeting.notesBody };
}

export function recapView(completedAt: Date, parts: RecapParts, markdown: string): RecapView {
  return {
    completedAt: completedAt.toISOString(),
    decisions: parts.decisions,
    actionItems: parts.actionItems,
    covered: parts.agenda.filter((i) => i.status === "covered").map((i) => i.title),
    uncovered: parts.agenda.filter((i) => i.status === "open").map((i) => i.title),
    notesSummary: notesSummary(parts.notesBody),
    markdown,
  };
}

/**
 * The recap of a completed meeting for its page (`meeting.recap`), null before completion. The
 * markdown is the one sent; the lists are read now, so an action item done since shows as done.
 */
export async function recapOf(executor: Executor, meeting: MeetingRow): Promise<RecapView | null> {
  if (meeting.status !== "completed" || !meeting.completedAt) return null;
  const parts = await recapParts(executor, meeting);
  return recapView(meeting.completedAt, parts, meeting.recap ?? "");
}
