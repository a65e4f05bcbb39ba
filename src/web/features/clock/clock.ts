import { addDays, intersectIntervals, localToInstant } from "../../../core/time";
import type { Span } from "../../lib/resources";
import { formatDate, formatSpan, localDay } from "../../lib/time";

/** One local day of the viewer, as instants. */
export interface ClockDay {
  date: string;
  start: number;
  end: number;
  /** In a sentence: "today", "tomorrow", "on Fri 16 Jan" */
  word: string;
  /** As a heading: "Today", "Tomorrow", "Fri 16 Jan" */
  title: string;
}

/** Today and the next `count - 1` days on the viewer's wall clock. */
export function clockDays(viewerZone: string, now: number, count = 3): ClockDay[] {
  const today = localDay(viewerZone, now).date;
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i);
    const title = i === 0 ? "Today" : i === 1 ? "Tomorrow" : formatDate(date);
    return {
      date,
      start: localToInstant(viewerZone, date, 0),
      end: localToInstant(viewerZone, addDays(date, 1), 0),
      title,
      word: i < 2 ? title.toLowerCase() : `on ${title}`,
    };
  });
}

/** The parts of `spans` inside one day. */
export function spansOn(spans: Span[], day: { start: number; end: number }): Span[] {
  return intersectIntervals(spans, [day]);
}

/** A day's spans in words, in the viewer's zone: "09:00–12:00, 13:00–17:00" or "off". */
export function describeSpans(spans: Span[], viewerZone: string): string {
  return spans.length === 0 ? "off" : spans.map((s) => formatSpan(s, viewerZone)).join(", ");
}

/** Hour marks every 6 hours of each day on the viewer's wall clock. */
export function hourTicks(
  days: ClockDay[],
  viewerZone: string,
): { at: number; label: string; hour: number }[] {
  return days.flatMap((day) =>
    [0, 6, 12, 18].map((hour) => ({
      at: localToInstant(viewerZone, day.date, hour * 60),
      label: `${String(hour).padStart(2, "0")}:00`,
      hour,
    })),
  );
}
