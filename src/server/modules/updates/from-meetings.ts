import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";

export interface MeetingOutcome {
  organisationId: string;
  meetingId: string;
  meetingTitle: string;
  /** Who completed the meeting. */
  actorId: string;
  /** The organiser and attendees, for a recap's audience. */
  attendeeIds: string[];
  teamId: string | null;
  /** A one-to-one or review: its recap is not posted to the feed. */
  privateKind: boolean;
  /** The recap as markdown. */
  recap: string;
  decisions: { id: string; text: string }[];
}

/**
 * Called by the meetings module when a meeting is completed, in its transaction. If the meeting was
 * an escalation of a thread (`updates.meeting_id`), its recap is posted back into the thread as a
 * comment, its decisions become the thread's decision and the thread closes; otherwise the recap is
 * posted to the feed as an update of kind `recap` addressed to the meeting's people (not for private kinds).
 */
export async function postMeetingOutcome(
  _tx: Executor,
  _deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  _outcome: MeetingOutcome,
): Promise<void> {}
