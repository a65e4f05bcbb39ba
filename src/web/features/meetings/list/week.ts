import type { WeekDay } from "../../../lib/week";

/** Each day of the week with the meetings starting on it (in the viewer's zone), earliest first. */
export function byDay<M extends { start: string }>(days: WeekDay[], meetings: M[]) {
  const sorted = [...meetings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return days.map((day) => ({
    day,
    meetings: sorted.filter((m) => {
      const at = Date.parse(m.start);
      return at >= day.start && at < day.end;
    }),
  }));
}
