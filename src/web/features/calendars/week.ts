import type { Span } from "../../lib/resources";

/** The parts of `spans` inside `day`, each clipped to it, keeping any other fields. */
export function partsOn<T extends Span>(spans: readonly T[], day: Span): T[] {
  return spans
    .filter((s) => s.start < day.end && s.end > day.start)
    .map((s) => ({ ...s, start: Math.max(s.start, day.start), end: Math.min(s.end, day.end) }));
}

/** "YYYY-MM-DD" that is a date, else null: the page's `?week=` as typed by anyone. */
export function validDate(text: string | null): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? null : text;
}
