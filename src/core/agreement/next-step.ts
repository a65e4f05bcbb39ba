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

export interface RecipientReplyBy {
  participant: AdvisorParticipant;
  /** When this person has had `hours` of their own working time after `at`; null if they never do. */
  replyBy: Instant | null;
}

export interface ReplyBy {
  /** The latest of the reachable recipients' own deadlines. */
  replyBy: Instant;
  /** Each recipient's own deadline, in the order given. */
  recipients: RecipientReplyBy[];
  /** The recipient who reaches it last, if any can. */
  last?: AdvisorParticipant;
  /** Recipients whose working intervals run out first (long absences); left out of `replyBy`. */
  unreachable: AdvisorParticipant[];
}

/** The reply-by for `hours` of each recipient's working time; `at` + 30 days if nobody gets there. */
export function replyBy(recipients: readonly AdvisorParticipant[], at: Instant, hours: number): ReplyBy {
  const result: ReplyBy = { replyBy: at, recipients: [], unreachable: [] };
  let reached = false;
  for (const participant of recipients) {
    const due = addWorkingHours(participant.working, at, hours);
    result.recipients.push({ participant, replyBy: due });
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

/** Who is asked to reply: everyone but the author, or the author alone when nobody else takes part. */
export function recipientsOf(
  participants: readonly AdvisorParticipant[],
  authorId: string | undefined,
): readonly AdvisorParticipant[] {
  const others = participants.filter((p) => p.personId !== authorId);
  return others.length > 0 ? others : participants;
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
