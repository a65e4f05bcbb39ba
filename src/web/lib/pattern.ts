import { DAY_MS, type LocalInterval, WEEKDAYS, type Weekday, type WeekPattern } from "../../core/time";
import { formatClock } from "./time";

const weekdayName = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" });
const A_MONDAY = Date.UTC(1970, 0, 5);
/** "Monday" … "Sunday", in the app's language. */
export const DAY_NAMES = Object.fromEntries(
  WEEKDAYS.map((day, i) => [day, weekdayName.format(A_MONDAY + i * DAY_MS)]),
) as Record<Weekday, string>;

export type EditableWeek = Record<Weekday, LocalInterval[]>;

export function editableWeek(week: WeekPattern): EditableWeek {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, (week[d] ?? []).map((i) => ({ ...i }))])) as EditableWeek;
}

/** The body's `week`: days without hours are left out (= not working). */
export function weekToSend(week: EditableWeek): WeekPattern {
  return Object.fromEntries(WEEKDAYS.filter((d) => week[d].length > 0).map((d) => [d, week[d]]));
}

export const WEEKDAYS_NINE_TO_FIVE: WeekPattern = Object.fromEntries(
  WEEKDAYS.slice(0, 5).map((d) => [d, [{ start: "09:00", end: "17:00" }]]),
);

/** "Mon–Fri 09:00–17:00; Sat 10:00–12:00" (in the clock format) — days with the same hours grouped. */
export function summarizeWeek(week: WeekPattern): string {
  const groups: { days: Weekday[]; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const spans = week[day] ?? [];
    if (spans.length === 0) continue;
    const hours = spans.map((s) => `${formatClock(s.start)}–${formatClock(s.end)}`).join(", ");
    const last = groups.at(-1);
    const previousDay = WEEKDAYS[WEEKDAYS.indexOf(day) - 1];
    if (last && last.hours === hours && last.days.at(-1) === previousDay) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  if (groups.length === 0) return "No working hours set";
  return groups.map((g) => `${dayRange(g.days)} ${g.hours}`).join("; ");
}

function dayRange(days: Weekday[]): string {
  const short = (d: Weekday) => DAY_NAMES[d].slice(0, 3);
  const first = days[0] as Weekday;
  const last = days.at(-1) as Weekday;
  return days.length === 1 ? short(first) : `${short(first)}–${short(last)}`;
}

/**
 * Server paths such as "week.tue[1].end" in words a person reads: "Tuesday hours 2 (end)";
 * `noun` names the spans as the editor labels them ("hours", "focus block").
 */
export function humanizePatternMessage(message: string, noun = "hours"): string {
  return message.replace(
    /week\.(mon|tue|wed|thu|fri|sat|sun)\[(\d+)\](\.(start|end))?/g,
    (_, day: Weekday, index: string, __, part?: string) =>
      `${DAY_NAMES[day]} ${noun} ${Number(index) + 1}${part ? ` (${part})` : ""}`,
  );
}
