import { formatDate } from "../../lib/time";
import type { UrgentLogView } from "./api";

type Week = UrgentLogView["weeks"][number];

/** "Mon 3 Nov" for a week's first day, a `YYYY-MM-DD` date in the organisation's calendar. */
export const weekLabel = (weekStart: string) => formatDate(weekStart);

const span = (weeks: Week[]) => (weeks.length === 1 ? "this week" : `these ${weeks.length} weeks`);

/** The weeks in words, for screen readers and anyone who prefers text to bars. */
export function weeksInWords(weeks: Week[]): string {
  const outside = weeks.reduce((n, w) => n + w.outsideHours, 0);
  if (outside === 0) return `No urgent notification reached anyone outside their hours in ${span(weeks)}.`;
  const worst = weeks.reduce((a, b) => (b.outsideHours > a.outsideHours ? b : a));
  return `${outside} urgent notification${outside === 1 ? "" : "s"} reached people outside their hours in ${span(weeks)}; the most (${worst.outsideHours}) in the week of ${weekLabel(worst.weekStart)}.`;
}
