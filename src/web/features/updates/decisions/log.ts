import type { LogDecisionView } from "../../../../contracts/updates";
import { localToInstant } from "../../../../core/time";

/** The element id of a decision in the log, so "supersedes …" links can point at it. */
export const decisionAnchor = (id: string) => `decision-${id}`;

/** The first line of a decision, cut to `max` characters, for pickers and links. */
export function shortText(text: string, max = 80): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Where a decision was made, as words and a link: the meeting or the thread. */
export function provenance(source: LogDecisionView["source"]): { words: string; to: string } {
  return source.type === "meeting"
    ? { words: "in the meeting", to: `/meetings/${source.id}` }
    : { words: "in the thread", to: `/updates/${source.id}` };
}

export const newestFirst = (decisions: readonly LogDecisionView[]) =>
  [...decisions].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt));

export interface LogFilters {
  q: string;
  teamId: string | null;
  /** Local dates `YYYY-MM-DD` in the viewer's zone, or "". */
  from: string;
  to: string;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The log's query: the text trimmed, and the dates as instants in the viewer's zone — from the
 * start of the first day to the end of the last, so "to 14 Jan" includes all of 14 Jan.
 */
export function logQuery(filters: LogFilters, zone: string): Record<string, string> {
  const query: Record<string, string> = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.teamId) query.teamId = filters.teamId;
  if (LOCAL_DATE.test(filters.from))
    query.from = new Date(localToInstant(zone, filters.from, 0)).toISOString();
  if (LOCAL_DATE.test(filters.to)) query.to = new Date(localToInstant(zone, filters.to, 1440)).toISOString();
  return query;
}
