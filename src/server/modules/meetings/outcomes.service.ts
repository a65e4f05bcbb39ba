import { and, asc, eq, isNotNull, notInArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ActionItemView,
  actionItemBody,
  actionItemsQuery,
  decisionBody,
  updateActionItemBody,
} from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { getTeamRow, teamMembers } from "../teams";
import { publishUpdateChanged, updates, visibleTo } from "../updates";
import { insertActionItem } from "./action-item-add";
import {
  accessTo,
  assertNotCancelled,
  isPrivateKind,
  type MeetingAccess,
  type MeetingRow,
  meetingFor,
  peopleOf,
  publishMeetingChanged,
} from "./meeting-access";
import { actionItems, agendaItems, meetingAttendees, meetingDecisions, meetings } from "./meetings.table";
import { actionItemsWhere, type DecisionView, presentActionItem, presentDecision } from "./outcomes.repo";
import { threadOfItem } from "./thread-items.service";

type ActionItemRow = typeof actionItems.$inferSelect;

/** The most action items `GET /action-items` answers (soonest due first). */
export const ACTION_ITEMS_SHOWN = 500;

/**
 * Records a decision (`meeting.contribute`). Its agenda item must be one of this meeting's; the
 * decision it supersedes one of this meeting's or of an earlier or later occurrence of its series.
 */
export async function addDecision(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: z.infer<typeof decisionBody>,
): Promise<DecisionView> {
  return deps.db.transaction(async (tx) => {
    const access = await meetingFor(tx, actor, meetingId, "meeting.contribute");
    assertNotCancelled(access.meeting, "no decision can be recorded on it");
    if (input.agendaItemId) await assertAgendaItemOf(tx, access.meeting, input.agendaItemId);
    if (input.supersedes) await assertDecisionOfSeries(tx, access.meeting, input.supersedes);
    const [row] = await tx
      .insert(meetingDecisions)
      .values({
        meetingId,
        organisationId: actor.organisationId,
        text: input.text,
        agendaItemId: input.agendaItemId ?? null,
        supersedes: input.supersedes ?? null,
        recordedBy: actor.personId,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await publishMeetingChanged(tx, deps, access);
    return presentDecision(row);
  });
}

async function assertAgendaItemOf(tx: Executor, meeting: MeetingRow, itemId: string) {
  const [item] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id)));
  if (!item) throw invalid("agendaItemId", "must be an agenda item of this meeting");
}

async function assertDecisionOfSeries(tx: Executor, meeting: MeetingRow, decisionId: string) {
  const sameMeetingOrSeries = meeting.seriesId
    ? eq(meetings.seriesId, meeting.seriesId)
    : eq(meetings.id, meeting.id);
  const [found] = await tx
    .select({ id: meetingDecisions.id })
    .from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .where(
      and(
        eq(meetingDecisions.id, decisionId),
        eq(meetings.organisationId, meeting.organisationId),
        sameMeetingOrSeries,
      ),
    );
  if (!found) throw invalid("supersedes", "must be a decision of this meeting or of its series");
}

/**
 * Adds an action item (`meeting.contribute`); its owner must be the organiser or an attendee, and
 * is told (`action_item.assigned`) unless they gave it to themselves.
 */
export async function addActionItem(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: z.infer<typeof actionItemBody>,
): Promise<ActionItemView> {
  return deps.db.transaction(async (tx) => {
    const access = await meetingFor(tx, actor, meetingId, "meeting.contribute");
    const { meeting } = access;
    assertNotCancelled(meeting, "no action item can be added to it");
    if (!peopleOf(access).includes(input.ownerId)) {
      throw invalid("ownerId", "must be the organiser or an attendee of this meeting");
    }
    const place = {
      at: { meetingId },
      noun: "meeting",
      title: meeting.title,
      link: `/meetings/${meeting.id}`,
      teamId: meeting.teamId,
      privateText: isPrivateKind(meeting.kind),
    } as const;
    const row = await insertActionItem(tx, deps, actor, place, input);
    await publishMeetingChanged(tx, deps, access);
    return presentActionItem(row, meeting.title);
  });
}

/**
 * Changes an action item: its owner (even one no longer invited) or anyone of its meeting
 * (`meeting.contribute`) or thread (`update.contribute`); everyone else gets 404.
 */
export async function updateActionItem(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateActionItemBody>,
): Promise<ActionItemView> {
  return deps.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.id, id), eq(actionItems.organisationId, actor.organisationId)))
      .for("update");
    if (!item) throw notFound("Action item");
    const source = await sourceOfItem(tx, actor, item);
    const now = deps.clock.now();
    const [row] = await tx
      .update(actionItems)
      .set({
        status: input.status,
        doneAt: input.status === "done" ? (item.doneAt ?? now) : null,
        ...(input.text === undefined ? {} : { text: input.text }),
        ...(input.due === undefined ? {} : { due: input.due }),
      })
      .where(and(eq(actionItems.organisationId, actor.organisationId), eq(actionItems.id, id)))
      .returning();
    if (!row) throw notFound("Action item");
    await source.publish(tx, deps);
    return presentActionItem(row, source.title);
  });
}

/** Where an item was agreed, as far as changing it goes: its title, and who to tell it changed. */
interface ItemSource {
  title: string;
  publish: (tx: Executor, deps: Pick<Deps, "events">) => Promise<void>;
}

async function sourceOfItem(tx: Executor, actor: Actor, item: ActionItemRow): Promise<ItemSource> {
  if (item.meetingId === null) {
    const update = await threadOfItem(tx, actor, item);
    return { title: update.title, publish: (t, deps) => publishUpdateChanged(t, deps, update) };
  }
  const access = await accessForItem(tx, actor, item.meetingId, item.ownerId);
  return { title: access.meeting.title, publish: (t, deps) => publishMeetingChanged(t, deps, access) };
}

async function accessForItem(
  tx: Executor,
  actor: Actor,
  meetingId: string,
  ownerId: string,
): Promise<MeetingAccess> {
  if (ownerId !== actor.personId) return meetingFor(tx, actor, meetingId, "meeting.contribute");
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, actor.organisationId)));
  if (!meeting) throw notFound("Action item");
  // Its owner may change it even when no longer invited: no read check here.
  return accessTo(tx, actor, meeting);
}

/**
 * Action items across meetings and threads, soonest due first (those without a date last, then the
 * oldest first), at most {@link ACTION_ITEMS_SHOWN}. `owner=me`: the caller's own; otherwise those of
 * the meetings the caller organises or attends and of the threads they may see, and the caller's own
 * wherever they are.
 */
export async function listActionItems(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof actionItemsQuery>,
): Promise<ActionItemView[]> {
  if (query.teamId) return teamActionItems(deps, actor, query.teamId, query.status);
  const mine = eq(actionItems.ownerId, actor.personId);
  const invited = or(
    eq(meetings.organiserId, actor.personId),
    sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.personId} = ${actor.personId})`,
  );
  const inVisibleThread = and(isNotNull(updates.id), visibleTo(actor.personId));
  return actionItemsWhere(
    deps.db,
    actor.organisationId,
    and(
      query.owner === "me" ? mine : or(mine, invited, inVisibleThread),
      query.status ? eq(actionItems.status, query.status) : undefined,
    ),
    {
      order: [sql`${actionItems.due} asc nulls last`, asc(actionItems.createdAt), asc(actionItems.id)],
      limit: ACTION_ITEMS_SHOWN,
    },
  );
}

/**
 * `GET /action-items?teamId=`: a team's items for its leads — those of the team's meetings (not
 * one-to-ones or reviews, whose content is their attendees' alone) and of threads addressed to the team.
 * 404 for a team of another organisation, 403 for anyone who does not lead it.
 */
async function teamActionItems(
  deps: Deps,
  actor: Actor,
  teamId: string,
  status: "open" | "done" | undefined,
): Promise<ActionItemView[]> {
  await getTeamRow(deps.db, actor.organisationId, teamId);
  const [lead] = await deps.db
    .select({ one: sql`1` })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
      ),
    );
  authorize(actor, "actionItems.readTeam", { leadOf: lead !== undefined });
  const ofTeamMeeting = and(
    eq(meetings.teamId, teamId),
    notInArray(meetings.kind, ["one_to_one", "performance_review"]),
  );
  return actionItemsWhere(
    deps.db,
    actor.organisationId,
    and(
      or(ofTeamMeeting, eq(updates.audienceTeamId, teamId)),
      status ? eq(actionItems.status, status) : undefined,
    ),
    {
      order: [sql`${actionItems.due} asc nulls last`, asc(actionItems.createdAt), asc(actionItems.id)],
      limit: ACTION_ITEMS_SHOWN,
    },
  );
}
