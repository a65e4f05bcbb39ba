import type { AdviceInput } from "../../contracts/agreement";
import {
  addWorkingHours,
  clipIntervals,
  DAY_MS,
  type Instant,
  type Interval,
  MINUTE_MS,
  sharedWorkingTime,
  totalDuration,
} from "../time";
import { plural } from "./catalog";

export interface AdvisorParticipant {
  personId: string;
  name?: string;
  timeZone: string;
  /** Normalised working intervals (absences removed) covering at least [at, at + 30 days). */
  working: readonly Interval[];
}

/** The span over which the participants' shared working time is measured. */
export const OVERLAP_WINDOW_MS = 7 * DAY_MS;
/** How far ahead working intervals are expected to reach; the reply-by of last resort. */
export const REPLY_HORIZON_MS = 30 * DAY_MS;

/** S: how long all participants work at the same time in [at, at + 7 days), in milliseconds. */
export function sharedWorkingMs(participants: readonly AdvisorParticipant[], at: Instant): number {
  const window = { start: at, end: at + OVERLAP_WINDOW_MS };
  return totalDuration(sharedWorkingTime(participants.map((p) => clipIntervals(p.working, window))));
}

/** "2 hours 30 minutes of working time", "no working time"; rounds down so it never overstates. */
export function describeWorkingTime(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes <= 0) return "no working time";
  const parts = [];
  if (minutes >= 60) parts.push(plural(Math.floor(minutes / 60), "hour"));
  if (minutes % 60 > 0) parts.push(plural(minutes % 60, "minute"));
  return `${parts.join(" ")} of working time`;
}

export interface ReplyBy {
  /** When every reachable participant has had `hours` of their own working time after `at`. */
  replyBy: Instant;
  /** The participant who reaches it last, if any can. */
  last?: AdvisorParticipant;
  /** Participants whose working intervals run out first (long absences); left out of `replyBy`. */
  unreachable: AdvisorParticipant[];
}

/** The reply-by for `hours` of each participant's working time; `at` + 30 days if nobody gets there. */
export function replyBy(participants: readonly AdvisorParticipant[], at: Instant, hours: number): ReplyBy {
  const result: ReplyBy = { replyBy: at, unreachable: [] };
  let reached = false;
  for (const participant of participants) {
    const due = addWorkingHours(participant.working, at, hours);
    if (due === null) {
      result.unreachable.push(participant);
    } else if (!reached || due > result.replyBy) {
      reached = true;
      result.replyBy = due;
      result.last = participant;
    }
  }
  if (!reached) result.replyBy = at + REPLY_HORIZON_MS;
  return result;
}

type Complexity = NonNullable<AdviceInput["complexity"]>;

const SYNC_MINUTES: Record<Complexity, number> = { low: 25, medium: 45, high: 60 };
/** After an async pre-read the meeting can be shorter. */
const HYBRID_MINUTES: Record<Complexity, number> = { low: 15, medium: 25, high: 45 };

/** A meeting length for the complexity (medium when unknown), never above `maxMeetingMinutes`. */
export function meetingLength(
  mode: "sync" | "hybrid",
  complexity: Complexity | undefined,
  maxMeetingMinutes: number,
): { minutes: number; capped: boolean } {
  const wanted = (mode === "sync" ? SYNC_MINUTES : HYBRID_MINUTES)[complexity ?? "medium"];
  return { minutes: Math.min(wanted, maxMeetingMinutes), capped: wanted > maxMeetingMinutes };
}
