import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { MAX_AGENDA_ITEMS, type RecapView } from "../../../contracts/meetings";
import { type CarryPlan, carryForward } from "../../../core/meetings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import { people } from "../people";
import { postMeetingOutcome } from "../updates";
import {
  assertNotCancelled,
  isPrivateKind,
  type MeetingAccess,
  type MeetingRow,
  meetingFor,
  peopleOf,
  publishMeetingChanged,
} from "./meeting-access";
import { peopleNamed } from "./meetings.repo";
import { actionItems, agendaItems, meetingAttendees, meetings } from "./meetings.table";
import { recapMarkdown, recapOf, recapParts } from "./recap";

/**
 * Completes a meeting (`meeting.organise`; at any time, since a meeting settled early or async is
 * completed too): status `completed`, `completedAt`, and the recap stored as markdown and sent
 * through `notify` (`meeting.recap`) to everyone invited, the organiser and every attendee whatever
 * they answered (follow async, no, pending) and whether or not they are away (notify holds it for
 * their return). A cancelled meeting, or one completed already, answers 409.
 *
 * For an occurrence of a series, open agenda items are copied into the next scheduled occurrence
 * (`carriedFrom`: the item they came from; this meeting keeps its own as the record), except those
 * whose title is already open there (standing items of the series), and open
 * action items MOVE there (same row, `meetingId` changed, `carriedFrom`: this meeting's id), so an
 * action item is never open in two places and its owner's list shows it once.
 *
 * The outcome goes on in the same transaction (`postMeetingOutcome`): into the thread the meeting was
 * escalated from, deciding and closing it, or else (not for a one-to-one or review) into the feed of
 * the meeting's people as a `recap` update.
 */
export async function completeMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
): Promise<{ meetingId: string; recap: RecapView }> {
  return deps.db.transaction(async (tx) => {
    const access = await meetingFor(tx, actor, meetingId, "meeting.organise", { forUpdate: true });
    const { meeting } = access;
    assertNotCancelled(meeting, "it cannot be completed");
    if (meeting.status === "completed")
      throw conflict("This meeting has already been completed; its recap was sent then.");
    const now = deps.clock.now();
    const parts = await recapParts(tx, meeting);
    const next = await nextOccurrence(tx, meeting);
    const carried = next ? await carryInto(tx, meeting, next) : undefined;
    const names = await peopleNamed(
      tx,
      meeting.organisationId,
      parts.actionItems.map((a) => a.ownerId),
    );
    const markdown = recapMarkdown(meeting, parts, names, carried && next && footer(carried, next.meeting));
    const [completed] = await tx
      .update(meetings)
      .set({ status: "completed", completedAt: now, recap: markdown, updatedAt: now })
      .where(and(eq(meetings.organisationId, meeting.organisationId), eq(meetings.id, meeting.id)))
      .returning();
    if (!completed) throw new Error("update returned no row");
    await sendRecap(tx, deps, access, markdown, actor.personId);
    // Back into the thread it was escalated from (deciding it), else into its people's feed.
    await postMeetingOutcome(tx, deps, {
      organisationId: meeting.organisationId,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      actorId: actor.personId,
      attendeeIds: peopleOf(access),
      teamId: meeting.teamId,
      privateKind: isPrivateKind(meeting.kind),
      recap: markdown,
      decisions: parts.decisions.map((d) => ({ id: d.id, text: d.text })),
    });
    const recap = await recapOf(tx, completed);
    if (!recap) throw new Error("completed meeting without a recap");
    await publishMeetingChanged(tx, deps, access);
    if (carried && next && hasCarried(carried)) await publishMeetingChanged(tx, deps, next);
    return { meetingId: meeting.id, recap };
  });
}

/** The next occurrence of the series still to happen (scheduled), locked, with its attendees. */
async function nextOccurrence(
  tx: Executor,
  meeting: MeetingRow,
): Promise<Pick<MeetingAccess, "meeting" | "attendees"> | undefined> {
  if (!meeting.seriesId || meeting.seriesIndex === null) return undefined;
  const [next] = await tx
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, meeting.organisationId),
        eq(meetings.seriesId, meeting.seriesId),
        gt(meetings.seriesIndex, meeting.seriesIndex),
        eq(meetings.status, "scheduled"),
      ),
    )
    .orderBy(asc(meetings.seriesIndex))
    .limit(1)
    .for("update");
  if (!next) return undefined;
  const attendees = await tx
    .select()
    .from(meetingAttendees)
    .where(
      and(eq(meetingAttendees.organisationId, next.organisationId), eq(meetingAttendees.meetingId, next.id)),
    );
  return { meeting: next, attendees };
}

/** Copies the open agenda items and moves the open action items (core `carryForward`). */
async function carryInto(
  tx: Executor,
  meeting: MeetingRow,
  next: Pick<MeetingAccess, "meeting" | "attendees">,
): Promise<CarryPlan> {
  const org = meeting.organisationId;
  const [agenda, items, nextAgenda] = await Promise.all([
    tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.organisationId, org), eq(agendaItems.meetingId, meeting.id))),
    tx
      .select({ id: actionItems.id, status: actionItems.status })
      .from(actionItems)
      .where(and(eq(actionItems.organisationId, org), eq(actionItems.meetingId, meeting.id))),
    tx
      .select({
        position: agendaItems.position,
        title: agendaItems.title,
        status: agendaItems.status,
        carriedFrom: agendaItems.carriedFrom,
      })
      .from(agendaItems)
      .where(and(eq(agendaItems.organisationId, org), eq(agendaItems.meetingId, next.meeting.id))),
  ]);
  const plan = carryForward({ agenda, actionItems: items, nextAgenda, maxAgendaItems: MAX_AGENDA_ITEMS });
  const nextPeople = new Set(peopleOf(next));
  if (plan.agenda.length > 0)
    await tx.insert(agendaItems).values(
      plan.agenda.map((item) => ({
        ...item,
        // An owner no longer invited to the next meeting leaves the item unowned there.
        ownerId: item.ownerId && nextPeople.has(item.ownerId) ? item.ownerId : null,
        meetingId: next.meeting.id,
        organisationId: meeting.organisationId,
      })),
    );
  if (plan.actionItemIds.length > 0)
    await tx
      .update(actionItems)
      .set({ meetingId: next.meeting.id, carriedFrom: meeting.id })
      .where(
        and(
          eq(actionItems.organisationId, meeting.organisationId),
          inArray(actionItems.id, plan.actionItemIds),
        ),
      );
  return plan;
}

const hasCarried = (plan: CarryPlan) => plan.agenda.length + plan.actionItemIds.length + plan.notCarried > 0;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The recap's last lines: what went on to the next meeting of the series. */
function footer(plan: CarryPlan, next: MeetingRow): string | undefined {
  if (!hasCarried(plan)) return undefined;
  const moved = [
    ...(plan.agenda.length > 0 ? [plural(plan.agenda.length, "open agenda item", "open agenda items")] : []),
    ...(plan.actionItemIds.length > 0
      ? [plural(plan.actionItemIds.length, "open action item", "open action items")]
      : []),
  ];
  const lines =
    moved.length > 0 ? [`Carried to [the next meeting](/meetings/${next.id}): ${moved.join(" and ")}.`] : [];
  if (plan.notCarried > 0)
    lines.push(
      `${plural(plan.notCarried, "open agenda item", "open agenda items")} did not fit on its agenda.`,
    );
  return `\n${lines.join("\n\n")}`;
}

/** The recap to everyone invited who is still active; a private kind's content stays on its page. */
async function sendRecap(
  tx: Executor,
  deps: Deps,
  access: MeetingAccess,
  markdown: string,
  actorId: string,
): Promise<void> {
  const { meeting } = access;
  const invited = peopleOf(access);
  const active = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, meeting.organisationId),
        inArray(people.id, invited),
        eq(people.active, true),
      ),
    );
  if (active.length === 0) return;
  const privateKind = isPrivateKind(meeting.kind);
  const readOnPage = `The recap of ${meeting.title} is on the meeting's page.`;
  await notify(tx, deps, {
    organisationId: meeting.organisationId,
    recipients: active.map((p) => p.id),
    kind: "meeting.recap",
    subject: `Recap: ${meeting.title}`,
    // The outbox (readable by admins) never holds a one-to-one's or review's recap; webhooks no recap at all.
    body: privateKind ? readOnPage : markdown,
    webhookBody: readOnPage,
    link: `/meetings/${meeting.id}`,
    objectRef: { type: "meeting", id: meeting.id },
    actorId,
    teamId: meeting.teamId,
  });
}
