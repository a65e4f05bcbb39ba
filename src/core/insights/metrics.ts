import type { PersonWeekView } from "../../contracts/insights";
import { localWeek } from "../meetings/load";
import {
  addDays,
  clipIntervals,
  HOUR_MS,
  type Interval,
  localDayToInstantRange,
  mergeIntervals,
  subtractIntervals,
  totalDuration,
} from "../time";
import { median, round2 } from "./aggregate";
import type { PersonWeek, PersonWeekInput } from "./types";

/** A free piece this long or longer is focus time. */
export const FOCUS_PIECE_MS = 2 * HOUR_MS;
/** A free piece shorter than this is fragmented time. */
export const FRAGMENT_PIECE_MS = HOUR_MS;

/** Hours of `ms`, rounded to 2 places. */
export const roundedHours = (ms: number): number => round2(ms / HOUR_MS);

/**
 * One person-week's figures (see `definitions.ts` for what each means): meetings merged so overlaps
 * count once, focus = free working blocks of 2 h or more, fragmented = free working blocks under 1 h,
 * after hours = meeting time outside working intervals, reply latency = median working hours from
 * being asked to answering. Clipped to the person's local week.
 */
export function personWeek(input: PersonWeekInput): PersonWeek {
  const week = localWeek(input.timeZone, input.weekStart);
  const allWorking = mergeIntervals(input.working);
  const working = clipIntervals(allWorking, week);
  const meetings = clipIntervals(mergeIntervals(input.meetings), week);
  const free = subtractIntervals(working, meetings);
  const pieces = freePieces(free);
  const days = dailyFocus(input, working, free);
  const latencies = input.replies.map((r) => workingMsBetween(allWorking, r.askedAt, r.answeredAt));
  return {
    weekStart: input.weekStart,
    meetingHours: roundedHours(totalDuration(meetings)),
    focusHours: roundedHours(pieces.focusMs),
    fragmentedHours: roundedHours(pieces.fragmentedMs),
    fragmentCount: pieces.fragmentCount,
    afterHoursMeetingHours: roundedHours(totalDuration(subtractIntervals(meetings, working))),
    burdenPoints: input.burdenPoints,
    replyLatencyHours: latencies.length === 0 ? null : roundedHours(median(latencies)),
    checkinsDue: input.checkinsDue,
    checkinsAnswered: input.checkinsAnswered,
    pulse: input.pulseAnswers.length === 0 ? null : round2(mean(input.pulseAnswers)),
    focusShortDays: days.short,
    workingDays: days.working,
    sharedTeamMeetings: input.sharedTeamMeetings,
  };
}

/** Working time (hours) inside `working` between `from` and `to`. */
export function workingHoursBetween(working: readonly Interval[], from: number, to: number): number {
  return roundedHours(workingMsBetween(mergeIntervals(working), from, to));
}

/** Share of due check-ins answered (0–1, 2 places); null when none was due. */
export function checkinParticipation(due: number, answered: number): number | null {
  return due > 0 ? round2(Math.min(answered, due) / due) : null;
}

/** A stored week as the API shows it: figures a week lacks are left out, never zero. */
export function personWeekView(week: PersonWeek): PersonWeekView {
  const participation = checkinParticipation(week.checkinsDue, week.checkinsAnswered);
  return {
    weekStart: week.weekStart,
    meetingHours: week.meetingHours,
    focusHours: week.focusHours,
    fragmentedHours: week.fragmentedHours,
    fragmentCount: week.fragmentCount,
    afterHoursMeetingHours: week.afterHoursMeetingHours,
    burdenPoints: week.burdenPoints,
    ...(week.replyLatencyHours === null ? {} : { replyLatencyHours: week.replyLatencyHours }),
    ...(participation === null ? {} : { checkinParticipation: participation }),
    ...(week.pulse === null ? {} : { pulse: week.pulse }),
    focusShortDays: week.focusShortDays,
  };
}

/** `working` must be normalised. */
function workingMsBetween(working: readonly Interval[], from: number, to: number): number {
  return to > from ? totalDuration(clipIntervals(working, { start: from, end: to })) : 0;
}

/** Focus and fragmented time of normalised free time: its intervals are the maximal free pieces. */
function freePieces(free: readonly Interval[]) {
  let focusMs = 0;
  let fragmentedMs = 0;
  let fragmentCount = 0;
  for (const piece of free) {
    const length = piece.end - piece.start;
    if (length >= FOCUS_PIECE_MS) focusMs += length;
    else if (length < FRAGMENT_PIECE_MS) {
      fragmentedMs += length;
      fragmentCount++;
    }
  }
  return { focusMs, fragmentedMs, fragmentCount };
}

/** Working days of the week, and those whose focus (free time cut at local midnights) is under the minimum. */
function dailyFocus(input: PersonWeekInput, working: readonly Interval[], free: readonly Interval[]) {
  const minimumMs = input.minDailyFocusHours * HOUR_MS;
  let workingDays = 0;
  let short = 0;
  for (let i = 0; i < 7; i++) {
    const day = localDayToInstantRange(input.timeZone, addDays(input.weekStart, i));
    if (totalDuration(clipIntervals(working, day)) === 0) continue;
    workingDays++;
    if (freePieces(clipIntervals(free, day)).focusMs < minimumMs) short++;
  }
  return { working: workingDays, short };
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
