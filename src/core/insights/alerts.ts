import { addDays } from "../time";
import { formatFigure, listWords } from "./format";
import type { Alert, AlertContext, PersonWeek } from "./types";

/** Weeks in a row each rule needs. */
const OVERLOAD_WEEKS = 2;
const CREEP_WEEKS = 3;
const DISCONNECTION_WEEKS = 3;
const FOCUS_SHORT_DAYS = 3;
/** The window `teamBurden` covers. */
const BURDEN_WEEKS = 8;

/**
 * A person's alerts from their weeks (oldest first, whole weeks only): overload (meeting hours over
 * the weekly budget two weeks running), focus deficit (3 or more working days under the daily focus
 * minimum in a week), after-hours creep (after-hours meeting time rising three weeks running),
 * disconnection (no meeting shared with the team and no check-in answered for 3 weeks, with check-ins
 * due), unfair burden (more than twice the fair share of the team's ledger points over 8 weeks).
 * Each alert's `since` is the Monday of the first week of the run that raised it.
 */
export function personAlerts(weeks: readonly PersonWeek[], context: AlertContext): Alert[] {
  return [
    overload(weeks, context),
    focusDeficit(weeks, context),
    afterHoursCreep(weeks),
    disconnection(weeks, context),
    unfairBurden(weeks, context),
  ].filter((alert): alert is Alert => alert !== null);
}

const hours = (value: number) => `${formatFigure(value)} h`;

function overload(weeks: readonly PersonWeek[], context: AlertContext): Alert | null {
  const budget = context.weeklyBudgetHours;
  const run = trailingRun(weeks, (week) => week.meetingHours > budget);
  if (run.length < OVERLOAD_WEEKS) return null;
  const lastTwo = listWords(run.slice(-2).map((week) => hours(week.meetingHours)));
  const text =
    run.length === 2
      ? `Your meetings took ${lastTwo} in the last two weeks, over the agreement's ${hours(budget)} a week.`
      : `Your meetings have been over the agreement's ${hours(budget)} a week for ${run.length} weeks running, ${lastTwo} in the last two.`;
  return {
    kind: "overload",
    text,
    nextStep:
      "See the meeting audit for recurring meetings that could be async, and decline what you only need the notes of.",
    since: firstWeek(run),
  };
}

function focusDeficit(weeks: readonly PersonWeek[], context: AlertContext): Alert | null {
  const latest = weeks[weeks.length - 1];
  if (!latest || latest.focusShortDays < FOCUS_SHORT_DAYS) return null;
  const run = trailingRun(weeks, (week) => week.focusShortDays >= FOCUS_SHORT_DAYS);
  const days = `${latest.focusShortDays} of your ${latest.workingDays} working days`;
  return {
    kind: "focus_deficit",
    text: `In the week of ${latest.weekStart}, ${days} had less than the agreement's ${hours(context.minDailyFocusHours)} of focus time (free blocks of 2 h or more).`,
    nextStep:
      "Block focus time in your calendar for the coming days, and gather your meetings on fewer days where you can.",
    since: firstWeek(run),
  };
}

function afterHoursCreep(weeks: readonly PersonWeek[]): Alert | null {
  const run = risingRun(weeks);
  if (run.length < CREEP_WEEKS) return null;
  const figures = run.slice(-CREEP_WEEKS).map((week) => hours(week.afterHoursMeetingHours));
  const last = figures.pop();
  return {
    kind: "after_hours_creep",
    text: `Your meetings outside your working hours rose ${run.length} weeks running: ${figures.join(", ")}, then ${last}.`,
    nextStep:
      "Ask the organisers to move those meetings into shared working hours, or to rotate the awkward times fairly.",
    since: firstWeek(run),
  };
}

function disconnection(weeks: readonly PersonWeek[], context: AlertContext): Alert | null {
  const run = trailingRun(weeks, (week) => week.sharedTeamMeetings === 0 && week.checkinsAnswered === 0);
  if (run.length < DISCONNECTION_WEEKS) return null;
  const recent = run.slice(-DISCONNECTION_WEEKS);
  if (!recent.some((week) => week.checkinsDue > 0) && !context.teamBurden) return null;
  return {
    kind: "disconnection",
    text: `For ${run.length} weeks you have had no meeting with your team and answered no check-in.`,
    nextStep:
      "Answer this week's check-in or join one team meeting; a short note to your lead about how things are going helps too.",
    since: firstWeek(run),
  };
}

function unfairBurden(weeks: readonly PersonWeek[], context: AlertContext): Alert | null {
  const burden = context.teamBurden;
  const first = weeks[Math.max(0, weeks.length - BURDEN_WEEKS)];
  if (!burden || !first || burden.teamPoints <= 0 || burden.teamSize < 2) return null;
  const fairShare = burden.teamPoints / burden.teamSize;
  if (!(burden.personPoints > 2 * fairShare)) return null;
  return {
    kind: "unfair_burden",
    text: `You carried ${formatFigure(burden.personPoints)} of your team's ${formatFigure(burden.teamPoints)} time-zone burden points over the last ${BURDEN_WEEKS} weeks, more than twice the fair share of ${formatFigure(fairShare)} in a team of ${burden.teamSize}.`,
    nextStep:
      "Ask your lead to rotate the team's meeting times, so early and late slots are shared, or move updates to async.",
    since: first.weekStart,
  };
}

/** The latest weeks, consecutive and each meeting `test` (empty when the latest does not). */
function trailingRun(weeks: readonly PersonWeek[], test: (week: PersonWeek) => boolean): PersonWeek[] {
  const run: PersonWeek[] = [];
  for (let i = weeks.length - 1; i >= 0; i--) {
    const week = weeks[i] as PersonWeek;
    if (!test(week) || (run[0] && addDays(week.weekStart, 7) !== run[0].weekStart)) break;
    run.unshift(week);
  }
  return run;
}

/** The latest consecutive weeks whose after-hours meeting time strictly rises, ending above zero. */
function risingRun(weeks: readonly PersonWeek[]): PersonWeek[] {
  const latest = weeks[weeks.length - 1];
  if (!latest || latest.afterHoursMeetingHours <= 0) return [];
  const run = [latest];
  for (let i = weeks.length - 2; i >= 0; i--) {
    const week = weeks[i] as PersonWeek;
    const next = run[0] as PersonWeek;
    const consecutive = addDays(week.weekStart, 7) === next.weekStart;
    if (!consecutive || !(week.afterHoursMeetingHours < next.afterHoursMeetingHours)) break;
    run.unshift(week);
  }
  return run;
}

const firstWeek = (run: readonly PersonWeek[]) => (run[0] as PersonWeek).weekStart;
