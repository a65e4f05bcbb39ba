import type { Rules } from "../../contracts/agreement";
import type { Violation } from "../../contracts/meetings";
import { plural } from "../agreement";
import {
  addDays,
  clipIntervals,
  HOUR_MS,
  type Interval,
  intersectIntervals,
  localDayToInstantRange,
  localToInstant,
  mergeIntervals,
  parseTimeOfDay,
  subtractIntervals,
} from "../time";
import { localDatesTouched } from "./load";
import type { GateAttendee } from "./types";
import { dayWords, hoursWords, theirTime } from "./words";

/** The agreement's focus rule for one attendee: the day's longest stretch, and the focus window. */
export function focusWarnings(attendee: GateAttendee, span: Interval, rules: Rules): Violation[] {
  return [...focusTimeLost(attendee, span, rules), ...focusWindowCut(attendee, span, rules)];
}

/**
 * On each local day the meeting touches: the attendee had a stretch of at least `minDailyHours` of
 * uninterrupted working time (their focus blocks are not interruptions) and the meeting leaves none.
 */
function focusTimeLost(attendee: GateAttendee, span: Interval, rules: Rules): Violation[] {
  const needed = rules.focus.minDailyHours * HOUR_MS;
  if (needed <= 0) return [];
  const working = mergeIntervals(attendee.working);
  const busy = mergeIntervals(attendee.busy);
  const found: Violation[] = [];
  for (const date of localDatesTouched(attendee.timeZone, span)) {
    const free = subtractIntervals(
      clipIntervals(working, localDayToInstantRange(attendee.timeZone, date)),
      busy,
    );
    const left = subtractIntervals(free, [span]);
    if (longest(free) < needed || longest(left) >= needed) continue;
    found.push({
      ruleId: "focus",
      personId: attendee.personId,
      text: `${attendee.name} would keep at most ${hoursWords(longest(left))} of uninterrupted working time on ${dayWords(date)} (${attendee.timeZone}), less than the ${plural(rules.focus.minDailyHours, "hour")} of focus time the agreement keeps each day.`,
    });
  }
  return found;
}

const longest = (list: readonly Interval[]) => Math.max(0, ...list.map((i) => i.end - i.start));

/** The meeting overlaps the agreement's focus window on the attendee's own clock. */
function focusWindowCut(attendee: GateAttendee, span: Interval, rules: Rules): Violation[] {
  const window = rules.focus.window;
  if (!window) return [];
  const from = parseTimeOfDay(window.start);
  const to = parseTimeOfDay(window.end, true);
  if (from === null || to === null || from === to) return [];
  const zone = attendee.timeZone;
  const dates = localDatesTouched(zone, span);
  // A window that wraps past midnight (22:00–02:00) may reach in from the day before.
  const windows = [addDays(dates[0] as string, -1), ...dates].map((date) => ({
    start: localToInstant(zone, date, from),
    end: to > from ? localToInstant(zone, date, to) : localToInstant(zone, addDays(date, 1), to),
  }));
  if (intersectIntervals(mergeIntervals(windows), [span]).length === 0) return [];
  return [
    {
      ruleId: "focus",
      personId: attendee.personId,
      text: `${attendee.name}: the meeting at ${theirTime(zone, span)} cuts into the focus window (${window.start}–${window.end} their time).`,
    },
  ];
}
