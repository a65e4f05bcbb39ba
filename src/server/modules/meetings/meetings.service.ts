import { and, eq, sql } from "drizzle-orm";
import type { Advice, Rules } from "../../../contracts/agreement";
import type {
  MeetingSummaryView,
  MeetingView,
  UpdateMeetingBody,
  Violation,
} from "../../../contracts/meetings";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import { conflict } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { adviseFor, getAgreement } from "../agreement";
import { recordAudit } from "../audit";
import { agendaOf } from "./agenda.service";
import { assertTeam, attendeesWithOrganiser } from "./create.service";
import { assertAllowed, gather, judge, overriddenRules } from "./gates.service";
import { queueInvitations } from "./invitations";
import { type MeetingAccess, type MeetingRow, meetingFor, publishMeetingChanged } from "./meeting-access";
import { meetingsChangedForInsights } from "./meetings.insights";
import { writeLedger } from "./meetings.ledger";
import { tellAboutMeeting } from "./meetings.notify";
import { agendaMissing, presentMeeting, presentSummary } from "./meetings.present";
import {
  activePeople,
  attendeesOf,
  insertOverrides,
  myMeetings,
  replaceAttendees,
  withAgenda,
} from "./meetings.repo";
import { meetingAttendees, meetings } from "./meetings.table";
import { assertPreReadDocuments, writePreReadDocuments } from "./pre-read-documents";

export { presentMeeting as getMeeting } from "./meetings.present";

/** GET /meetings: the actor's meetings (organiser or attendee) in [from, to); default a week back to 8 ahead. */
export async function listMeetings(
  deps: Deps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<MeetingSummaryView[]> {
  const now = deps.clock.now().getTime();
  const window = {
    start: query.from ? Date.parse(query.from) : now - 7 * DAY_MS,
    end: query.to ? Date.parse(query.to) : now + 56 * DAY_MS,
  };
  const rows = await myMeetings(deps.db, actor.organisationId, actor.personId, window);
  const ids = rows.map((m) => m.id);
  const [attendees, agendas] = await Promise.all([attendeesOf(deps.db, ids), withAgenda(deps.db, ids)]);
  const rulesOf = new Map<string | null, Promise<Rules>>();
  const rules = (teamId: string | null) => {
    let found = rulesOf.get(teamId);
    if (!found) {
      found = getAgreement(deps, actor, teamId ?? undefined).then((a) => a.rules);
      rulesOf.set(teamId, found);
    }
    return found;
  };
  const at = deps.clock.now();
  return Promise.all(
    rows.map(async (m) =>
      presentSummary(
        m,
        attendees.filter((a) => a.meetingId === m.id),
        actor.personId,
        agendaMissing(m, agendas.has(m.id), await rules(m.teamId), at),
      ),
    ),
  );
}

/** 409 unless the meeting is still scheduled: a cancelled or completed meeting does not change. */
function assertScheduled(meeting: MeetingRow) {
  if (meeting.status !== "scheduled")
    throw conflict(`This meeting is ${meeting.status} and can no longer be changed.`);
}

const changesTime = (body: UpdateMeetingBody) =>
  body.start !== undefined || body.durationMinutes !== undefined || body.attendees !== undefined;

/**
 * PATCH /meetings/:id (the organiser): any change of time, length or attendees is checked against
 * the agreement as at creation (409 unless overridden). Raises `sequence`; new attendees are invited,
 * removed ones told it is cancelled for them, the others told it changed; the ledger follows. As at
 * creation, a change of time, length or attendees is answered with the advisor's advice too.
 */
export async function updateMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  body: UpdateMeetingBody,
): Promise<{ meeting: MeetingView; advice?: Advice; warnings: Violation[] }> {
  const { organisationId } = actor;
  const before = await meetingFor(deps.db, actor, meetingId, "meeting.organise");
  assertScheduled(before.meeting);
  const current = before.meeting;
  const wanted = body.attendees
    ? attendeesWithOrganiser(current.organiserId, body.attendees).map((a) => ({
        ...a,
        rsvp: before.attendees.find((b) => b.personId === a.personId)?.rsvp ?? a.rsvp ?? "pending",
      }))
    : before.attendees;
  if (body.attendees)
    await activePeople(
      deps.db,
      organisationId,
      body.attendees.map((a) => a.personId),
      (i) => `attendees[${i}].personId`,
    );
  if (body.teamId) await assertTeam(deps.db, organisationId, body.teamId);
  await assertPreReadDocuments(deps.db, actor, body.preReadDocumentIds);
  const start = body.start ? Date.parse(body.start) : current.startAt.getTime();
  const durationMinutes = body.durationMinutes ?? current.durationMinutes;
  const slot = { start, end: start + durationMinutes * 60_000 };
  const teamId = body.teamId === undefined ? current.teamId : body.teamId;
  const ids = wanted.map((a) => a.personId);
  const [{ rules }, gathered] = await Promise.all([
    getAgreement(deps, actor, teamId ?? undefined),
    gather(deps, organisationId, ids, [slot], [current.id]),
  ]);
  const kind = body.kind ?? current.kind;
  const verdict = judge(kind, rules, wanted, gathered, [slot]);
  const checked = changesTime(body) || body.kind !== undefined || body.teamId !== undefined;
  const violations = checked ? verdict.violations : [];
  assertAllowed(violations, body.override, "change");
  const [firstItem] = changesTime(body) ? await agendaOf(deps.db, organisationId, current.id) : [];
  const advice = changesTime(body)
    ? await adviseFor(deps, actor, {
        purpose: firstItem?.outcome ?? "discuss",
        kind,
        participantIds: ids,
        ...(teamId ? { teamId } : {}),
        at: deps.clock.now().toISOString(),
      })
    : undefined;

  await deps.db.transaction(async (tx) => {
    const locked = await meetingFor(tx, actor, meetingId, "meeting.organise", { forUpdate: true });
    assertScheduled(locked.meeting);
    const [meeting] = await tx
      .update(meetings)
      .set({
        title: body.title,
        kind: body.kind,
        purpose: body.purpose,
        description: body.description,
        location: body.location,
        preReads: body.preReads?.map((p) => ({ title: p.title ?? null, url: p.url })),
        teamId,
        startAt: new Date(slot.start),
        endAt: new Date(slot.end),
        durationMinutes,
        sequence: sql`${meetings.sequence} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, organisationId)))
      .returning();
    if (!meeting) throw new Error("update returned no row");
    // As `preReads`: a change to one occurrence is that occurrence's alone.
    if (body.preReadDocumentIds)
      await writePreReadDocuments(tx, organisationId, [meeting.id], body.preReadDocumentIds);
    const { added, removed } = body.attendees
      ? await replaceAttendees(tx, meeting, locked.attendees, wanted)
      : { added: [], removed: [] };
    const stayed = ids.filter((id) => !added.includes(id));
    await writeLedger(tx, organisationId, [meeting], wanted, gathered);
    const touched = [...ids, ...locked.attendees.map((a) => a.personId)];
    await meetingsChangedForInsights(tx, deps, organisationId, touched, [locked.meeting, meeting]);
    const audit = { organisationId, actorId: actor.personId, targetType: "meeting", targetId: meeting.id };
    await recordAudit(tx, {
      ...audit,
      action: "meeting.changed",
      data: { fields: Object.keys(body), added, removed },
    });
    if (body.override && violations.length > 0) {
      const ruleIds = overriddenRules(violations);
      await insertOverrides(tx, organisationId, [meeting.id], {
        reason: body.override.reason,
        ruleIds,
        by: actor.personId,
      });
      await recordAudit(tx, {
        ...audit,
        action: "meeting.override",
        data: { reason: body.override.reason, ruleIds },
      });
    }
    await tellAboutMeeting(tx, deps, actor, "meeting.invited", [meeting], added);
    await tellAboutMeeting(tx, deps, actor, "meeting.cancelled", [meeting], removed);
    await tellAboutMeeting(tx, deps, actor, "meeting.changed", [meeting], stayed);
    const invite = { organisationId, meetingIds: [meeting.id] };
    await queueInvitations(tx, deps, { ...invite, method: "REQUEST", personIds: ids });
    if (removed.length > 0)
      await queueInvitations(tx, deps, { ...invite, method: "CANCEL", personIds: removed });
    const after = await attendeesOf(tx, [meeting.id]);
    await publishMeetingChanged(tx, deps, { meeting, attendees: [...after, ...locked.attendees] });
  });
  const meeting = await presentMeeting(deps, actor, meetingId, verdict.warnings);
  return { meeting, ...(advice ? { advice } : {}), warnings: verdict.warnings };
}

/** DELETE /meetings/:id (the organiser): marked cancelled and kept; people told; off the ledger. */
export async function cancelMeeting(deps: Deps, actor: Actor, meetingId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { meeting: current, attendees } = await meetingFor(tx, actor, meetingId, "meeting.organise", {
      forUpdate: true,
    });
    assertScheduled(current);
    const now = deps.clock.now();
    const [meeting] = await tx
      .update(meetings)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
      .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, actor.organisationId)))
      .returning();
    if (!meeting) throw new Error("update returned no row");
    await writeLedger(tx, actor.organisationId, [meeting], [], { people: [] });
    const attending = attendees.map((a) => a.personId);
    await meetingsChangedForInsights(tx, deps, actor.organisationId, attending, [meeting]);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "meeting.cancelled",
      targetType: "meeting",
      targetId: meeting.id,
    });
    await tellAboutMeeting(
      tx,
      deps,
      actor,
      "meeting.cancelled",
      [meeting],
      attendees.map((a) => a.personId),
    );
    await queueInvitations(tx, deps, {
      organisationId: actor.organisationId,
      meetingIds: [meeting.id],
      method: "CANCEL",
    });
    await publishMeetingChanged(tx, deps, { meeting, attendees });
  });
}

/** PUT /meetings/:id/rsvp: an attendee's answer (the organiser's too); the ledger follows who carries it. */
export async function answerMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  response: "yes" | "no" | "follow_async",
): Promise<MeetingView> {
  const access: MeetingAccess = await meetingFor(deps.db, actor, meetingId);
  if (!access.mine) throw conflict("Only the meeting's attendees answer its invitation.");
  assertScheduled(access.meeting);
  const slot = { start: access.meeting.startAt.getTime(), end: access.meeting.endAt.getTime() };
  const ids = access.attendees.map((a) => a.personId);
  const gathered = await gather(deps, actor.organisationId, ids, [slot], [meetingId]);
  await deps.db.transaction(async (tx) => {
    const { meeting } = await meetingFor(tx, actor, meetingId, undefined, { forUpdate: true });
    const [mine] = await tx
      .update(meetingAttendees)
      .set({ rsvp: response, rsvpAt: deps.clock.now() })
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.personId, actor.personId)))
      .returning();
    if (!mine) throw conflict("Only the meeting's attendees answer its invitation.");
    const attendees = access.attendees.map((a) => (a.personId === actor.personId ? mine : a));
    await writeLedger(tx, actor.organisationId, [meeting], attendees, gathered);
    await meetingsChangedForInsights(tx, deps, actor.organisationId, ids, [meeting]);
    await publishMeetingChanged(tx, deps, { meeting, attendees });
  });
  return presentMeeting(deps, actor, meetingId);
}
