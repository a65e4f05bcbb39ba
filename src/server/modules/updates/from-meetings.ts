import { and, eq, ne } from "drizzle-orm";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { recordDecision } from "./decide";
import { publishUpdateChanged, type UpdateRow } from "./update-access";
import { updateAudience, updateComments, updates } from "./updates.table";

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

/** An update's title holds at most this many characters (the contract's limit). */
const TITLE_MAX = 200;
const clip = (text: string) => (text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1)}…`);

/**
 * Called by the meetings module when a meeting is completed, in its transaction. If the meeting was
 * an escalation of a thread (`updates.meeting_id`), its recap is posted back into the thread as a
 * comment, its decisions become the thread's decision and the thread closes; otherwise the recap is
 * posted to the feed as an update of kind `recap` addressed to the meeting's people (not for private kinds).
 */
export async function postMeetingOutcome(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  outcome: MeetingOutcome,
): Promise<void> {
  const [thread] = await tx
    .select()
    .from(updates)
    .where(
      and(
        eq(updates.organisationId, outcome.organisationId),
        eq(updates.meetingId, outcome.meetingId),
        ne(updates.kind, "recap"),
      ),
    )
    .for("update");
  if (thread) return postIntoThread(tx, deps, thread, outcome);
  if (!outcome.privateKind) await postRecap(tx, deps, outcome);
}

/**
 * The recap as a comment by whoever completed the meeting, then (if the thread is still open) its
 * decision — the meeting's decisions as a list — which closes the thread and tells its people. A thread
 * decided in the meantime keeps its decision: the recap is still worth reading there.
 */
async function postIntoThread(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  thread: UpdateRow,
  outcome: MeetingOutcome,
): Promise<void> {
  await tx.insert(updateComments).values({
    updateId: thread.id,
    organisationId: thread.organisationId,
    authorId: outcome.actorId,
    body: `**Recap of [${outcome.meetingTitle}](/meetings/${outcome.meetingId})**\n\n${outcome.recap}`,
    createdAt: deps.clock.now(),
  });
  if (thread.closedAt !== null) {
    await publishUpdateChanged(tx, deps, thread);
    return;
  }
  const text =
    outcome.decisions.length > 0
      ? outcome.decisions.map((d) => `- ${d.text.replace(/\s+/g, " ").trim()}`).join("\n")
      : `Decided in the meeting ${outcome.meetingTitle}: see its recap`;
  // Closes the thread, notifies its people and publishes `update.changed`.
  await recordDecision(tx, deps, thread, { text, by: outcome.actorId });
}

/**
 * The recap in the feed of the meeting's people only (named, not its team: the team was not all in
 * the room). No notification: the meeting already sent `meeting.recap` to the same people.
 */
async function postRecap(
  tx: Executor,
  deps: Pick<Deps, "events" | "clock">,
  outcome: MeetingOutcome,
): Promise<void> {
  const [recap] = await tx
    .insert(updates)
    .values({
      organisationId: outcome.organisationId,
      kind: "recap",
      authorId: outcome.actorId,
      title: clip(`Recap: ${outcome.meetingTitle}`),
      body: outcome.recap,
      meetingId: outcome.meetingId,
      createdAt: deps.clock.now(),
    })
    .returning();
  if (!recap) throw new Error("insert returned no row");
  const audience = [...new Set(outcome.attendeeIds)].filter((id) => id !== outcome.actorId);
  if (audience.length > 0)
    await tx
      .insert(updateAudience)
      .values(
        audience.map((personId) => ({ updateId: recap.id, organisationId: recap.organisationId, personId })),
      );
  await publishUpdateChanged(tx, deps, recap);
}
