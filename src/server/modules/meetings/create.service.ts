import type { Advice, AdviceInput } from "../../../contracts/agreement";
import { meetingChanged } from "../../../contracts/events";
import {
  type AgendaItemInput,
  type CreateMeetingBody,
  MAX_SERIES_OCCURRENCES,
  type MeetingView,
  type Violation,
} from "../../../contracts/meetings";
import { occurrences, seriesTooLong } from "../../../core/meetings";
import type { Interval } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { adviseFor, getAgreement } from "../agreement";
import { recordAudit } from "../audit";
import { retireRotation } from "../scheduling";
import { getTeamRow } from "../teams";
import { templateAgenda } from "./agenda.templates";
import { type MeetingRequest, meetingRequest } from "./from-rotation";
import { assertAllowed, gather, judge, overriddenRules } from "./gates.service";
import { queueInvitations } from "./invitations";
import type { MeetingRow } from "./meeting-access";
import { meetingsChangedForInsights } from "./meetings.insights";
import { writeLedger } from "./meetings.ledger";
import { tellAboutMeeting } from "./meetings.notify";
import { presentMeeting } from "./meetings.present";
import {
  activePeople,
  insertMeetings,
  insertOverrides,
  insertSeries,
  type NewAttendee,
} from "./meetings.repo";
import { assertPreReadDocuments, writePreReadDocuments } from "./pre-read-documents";

export interface MeetingCreated {
  meeting: MeetingView;
  advice: Advice;
  warnings: Violation[];
}

export interface CreateOptions {
  /**
   * More work in the same transaction once the meetings are written (the first one is given), e.g.
   * linking a thread to its escalation meeting; an error from it undoes the meetings too.
   */
  within?: (tx: Executor, first: MeetingRow) => Promise<void>;
}

/** The organiser is always an attendee: required, and going. */
export function attendeesWithOrganiser(
  organiserId: string,
  attendees: MeetingRequest["attendees"],
): NewAttendee[] {
  const rest = attendees
    .filter((a) => a.personId !== organiserId)
    .map((a) => ({ personId: a.personId, required: a.required ?? true }));
  return [{ personId: organiserId, required: true, rsvp: "yes" as const }, ...rest];
}

/** 400 naming `field` unless the team is one of the organisation's. */
export async function assertTeam(
  executor: Executor,
  organisationId: string,
  teamId: string,
  field = "teamId",
) {
  await getTeamRow(executor, organisationId, teamId).catch(() => {
    throw invalid(field, "is not a team of this organisation");
  });
}

/** The meetings of the request: one, or each of the series (at most 52, else 400 naming recurrence). */
function slotsOf(body: MeetingRequest, timeZone: string): Interval[] {
  const start = Date.parse(body.start);
  const end = start + body.durationMinutes * 60_000;
  if (!body.recurrence) return [{ start, end }];
  const input = {
    start,
    durationMinutes: body.durationMinutes,
    timeZone,
    frequency: body.recurrence.frequency,
    count: body.recurrence.count,
    until: body.recurrence.until,
    max: MAX_SERIES_OCCURRENCES,
  };
  if (seriesTooLong(input))
    throw invalid("recurrence", `a series holds at most ${MAX_SERIES_OCCURRENCES} meetings: end it sooner`);
  const slots = occurrences(input);
  if (slots.length < 2)
    throw invalid("recurrence.until", "must leave at least 2 meetings in the series: pick a later date");
  return slots;
}

/**
 * What the advisor is asked: the request's purpose is free text, so the advisor's purpose is the
 * outcome of the first agenda item (inform, discuss, decide are advisor purposes too), else "discuss".
 */
export function adviceInputOf(body: MeetingRequest, agenda: AgendaItemInput[], at: Date): AdviceInput {
  return {
    purpose: agenda[0]?.outcome ?? "discuss",
    kind: body.kind,
    participantIds: body.attendees.map((a) => a.personId),
    ...(body.teamId ? { teamId: body.teamId } : {}),
    at: at.toISOString(),
  };
}

/** The agenda to copy to each meeting: the body's, else the template's (404 for an unknown template). */
async function agendaOf(deps: Deps, actor: Actor, body: CreateMeetingBody): Promise<AgendaItemInput[]> {
  if (body.agenda) return body.agenda;
  if (body.templateId) return templateAgenda(deps.db, actor.organisationId, body.templateId);
  return [];
}

/**
 * POST /meetings: one meeting or a series. The agreement's blocking rules answer 409
 * `agreement_conflict` (for every meeting of a series) unless the request overrides them with a
 * reason, which is stored and audited; warnings are returned. The advisor's advice is computed and
 * returned, never blocking. Ledger rows, notifications and invitations go with the meetings.
 * With `rotationId` the meetings are a saved rotation's occurrences (`from-rotation.ts`), and the
 * rotation is retired in the same transaction: its ledger rows give way to the meetings' own, so the
 * burden is counted once, and feeds show the meetings instead of its occurrences.
 */
export async function createMeeting(
  deps: Deps,
  actor: Actor,
  input: CreateMeetingBody,
  options: CreateOptions = {},
): Promise<MeetingCreated> {
  const { organisationId, personId: organiserId } = actor;
  const { body, rotation } = await meetingRequest(deps, actor, input);
  const attendees = attendeesWithOrganiser(organiserId, body.attendees);
  const people = await activePeople(
    deps.db,
    organisationId,
    [organiserId, ...body.attendees.map((a) => a.personId)],
    (i) => (i === 0 ? "organiser" : `attendees[${i - 1}].personId`),
  );
  if (body.teamId) await assertTeam(deps.db, organisationId, body.teamId);
  await assertPreReadDocuments(deps.db, actor, body.preReadDocumentIds);
  const agenda = await agendaOf(deps, actor, body);
  const ids = new Set(attendees.map((a) => a.personId));
  agenda.forEach((item, i) => {
    if (item.ownerId && !ids.has(item.ownerId))
      throw invalid(`agenda[${i}].ownerId`, "must be one of the meeting's attendees");
  });
  const timeZone = people.get(organiserId)?.timeZone ?? "UTC";
  const slots = rotation?.slots ?? slotsOf(body, timeZone);
  const personIds = attendees.map((a) => a.personId);
  const [{ rules }, gathered] = await Promise.all([
    getAgreement(deps, actor, body.teamId),
    gather(deps, organisationId, personIds, slots),
  ]);
  const { violations, warnings } = judge(body.kind, rules, attendees, gathered, slots);
  assertAllowed(violations, body.override, "create");
  const advice = await adviseFor(deps, actor, adviceInputOf(body, agenda, deps.clock.now()));

  const created = await deps.db.transaction(async (tx) => {
    if (rotation) await retireRotation(tx, organisationId, rotation.id);
    const series = body.recurrence
      ? await insertSeries(tx, {
          organisationId,
          frequency: body.recurrence.frequency,
          count: body.recurrence.count ?? null,
          until: body.recurrence.until ?? null,
          timeZone,
          firstStartAt: new Date(body.start),
          durationMinutes: body.durationMinutes,
          createdBy: organiserId,
        })
      : undefined;
    const rows = await insertMeetings(
      tx,
      slots.map((slot, i) => ({
        organisationId,
        seriesId: series?.id ?? null,
        seriesIndex: series ? i + 1 : null,
        title: body.title,
        kind: body.kind,
        purpose: body.purpose ?? null,
        description: body.description ?? null,
        location: body.location ?? null,
        preReads: (body.preReads ?? []).map((p) => ({ title: p.title ?? null, url: p.url })),
        organiserId,
        teamId: body.teamId ?? null,
        startAt: new Date(slot.start),
        endAt: new Date(slot.end),
        durationMinutes: body.durationMinutes,
      })),
      attendees,
      agenda,
    );
    const meetingIds = rows.map((m) => m.id);
    const first = rows[0] as MeetingRow;
    await writePreReadDocuments(tx, organisationId, meetingIds, body.preReadDocumentIds ?? []);
    await writeLedger(tx, organisationId, rows, attendees, gathered);
    await meetingsChangedForInsights(tx, deps, organisationId, personIds, rows);
    const audit = { organisationId, actorId: actor.personId, targetType: "meeting", targetId: first.id };
    await recordAudit(tx, {
      ...audit,
      action: "meeting.created",
      data: {
        title: body.title,
        kind: body.kind,
        meetings: meetingIds.length,
        seriesId: series?.id ?? null,
        ...(rotation ? { rotationId: rotation.id } : {}),
      },
    });
    if (body.override && violations.length > 0) {
      const ruleIds = overriddenRules(violations);
      await insertOverrides(tx, organisationId, meetingIds, {
        reason: body.override.reason,
        ruleIds,
        by: organiserId,
      });
      await recordAudit(tx, {
        ...audit,
        action: "meeting.override",
        data: { reason: body.override.reason, ruleIds },
      });
    }
    await tellAboutMeeting(tx, deps, actor, "meeting.invited", rows, personIds);
    await queueInvitations(tx, deps, { organisationId, meetingIds, method: "REQUEST" });
    // One event for a whole series: the pages refetch every meeting query on any meeting.changed.
    await deps.events.publish(tx, meetingChanged(organisationId, first.id, [organiserId, ...personIds]));
    await options.within?.(tx, first);
    return first;
  });
  const meeting = await presentMeeting(deps, actor, created.id, warnings);
  return { meeting, advice, warnings };
}
