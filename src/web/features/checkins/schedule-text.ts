import { type CheckinSchedule, START_OF_DAY } from "../../../contracts/checkins";
import { WEEKDAY_WORDS } from "../../../contracts/field-words";
import { WEEKDAYS, type Weekday } from "../../../contracts/week";
import { formatClock } from "../../lib/time";

const SHORT: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

/** "Mon–Fri", "Every day", "Mon, Wed, Fri", "Sat–Sun": runs of three or more days joined by a dash. */
export function daysInWords(days: readonly Weekday[]): string {
  const chosen = WEEKDAYS.filter((d) => days.includes(d));
  if (chosen.length === 7) return "Every day";
  const runs: Weekday[][] = [];
  for (const day of chosen) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && WEEKDAYS.indexOf(last) + 1 === WEEKDAYS.indexOf(day)) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${SHORT[run[0] as Weekday]}–${SHORT[run.at(-1) as Weekday]}`]
        : run.map((d) => SHORT[d]),
    )
    .join(", ");
}

/** "Mon–Fri at 09:30, each person's own time" or "Mon–Fri at the start of each person's working day". */
export function scheduleInWords(schedule: CheckinSchedule): string {
  const days = daysInWords(schedule.days as Weekday[]);
  return schedule.localTime === START_OF_DAY
    ? `${days} at the start of each person's working day`
    : `${days} at ${formatClock(schedule.localTime)}, each person's own time`;
}

/** "Monday" … "Sunday": each day chip's name for a screen reader. */
export const DAY_LONG = WEEKDAY_WORDS;

export { SHORT as DAY_SHORT };
