import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { MeetingView } from "../../../contracts/meetings";
import type { escalationBody } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { escalationOffer, publishUpdateChanged, updateFor, updates } from "../updates";
import { createMeeting } from "./create.service";
import { meetings } from "./meetings.table";

type UpdateRow = typeof updates.$inferSelect;

/** A meeting's title holds at most this many characters (the contract's limit). */
const TITLE_MAX = 200;
const clip = (text: string) => (text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1)}…`);

/**
 * POST /updates/:id/escalation: a short `decision` meeting of the thread's participants
 * (`escalationOffer`), at `start` or else the offer's slot, created by the actor through
 * `createMeeting` — so the agreement's gates apply as for any meeting — and linked to the thread
 * (`updates.meeting_id`) in the same transaction. Anyone who may contribute to the thread may escalate
 * it; a closed thread, or one whose meeting still stands, answers 409.
 */
export async function escalateThread(
  deps: Deps,
  actor: Actor,
  updateId: string,
  input: z.infer<typeof escalationBody>,
): Promise<MeetingView> {
  const { update } = await updateFor(deps.db, actor, updateId, "update.contribute");
  await assertEscalatable(deps.db, update);
  const offer = await escalationOffer(deps.db, deps, update, input.durationMinutes);
  const attendees = offer.participantIds.filter((id) => id !== actor.personId);
  if (attendees.length === 0)
    throw conflict("Nobody else has taken part in this thread yet, so there is no one to meet.");
  const start = input.start ?? offer.slot?.start;
  if (!start) throw conflict("No time in the next 7 days suits everyone; pick a start");
  const title = clip(`Decide: ${update.title}`);
  const { meeting } = await createMeeting(
    deps,
    actor,
    {
      title,
      kind: "decision",
      purpose: "decide",
      start,
      durationMinutes: offer.durationMinutes,
      attendees: attendees.map((personId) => ({ personId })),
      ...(update.audienceTeamId ? { teamId: update.audienceTeamId } : {}),
      description: `To decide the thread [${update.title}](/updates/${update.id}). Its decision and recap are posted back there when this meeting is completed.`,
      agenda: [{ title, outcome: "decide" }],
    },
    {
      // Checked again under the thread's lock: two people escalating at once get one meeting.
      within: async (tx, created) => {
        const locked = await updateFor(tx, actor, updateId, "update.contribute", { forUpdate: true });
        await assertEscalatable(tx, locked.update);
        const [linked] = await tx
          .update(updates)
          .set({ meetingId: created.id })
          .where(and(eq(updates.organisationId, actor.organisationId), eq(updates.id, updateId)))
          .returning();
        if (!linked) throw new Error("update returned no row");
        await publishUpdateChanged(tx, deps, linked);
      },
    },
  );
  return meeting;
}

/** 409 for a closed thread, or one that has a meeting already (unless that meeting was cancelled). */
async function assertEscalatable(db: Executor, update: UpdateRow): Promise<void> {
  if (update.closedAt) throw conflict("This thread is closed: its decision has been recorded.");
  if (!update.meetingId) return;
  const [meeting] = await db
    .select({ title: meetings.title, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.organisationId, update.organisationId), eq(meetings.id, update.meetingId)));
  if (meeting && meeting.status !== "cancelled")
    throw conflict(`This thread already has a meeting: ${meeting.title}.`, { meetingId: update.meetingId });
}
