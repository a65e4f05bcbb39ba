import { and, asc, eq } from "drizzle-orm";
import type { Rules } from "../../../contracts/agreement";
import type { MeetingSummaryView, MeetingView, Violation } from "../../../contracts/meetings";
import { personHours, ratingSummary } from "../../../core/meetings";
import { HOUR_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { getAgreement } from "../agreement";
import { type References, resolveReferences } from "../documents";
import { agendaOf } from "./agenda.service";
import { gather, judge } from "./gates.service";
import { type AttendeeRow, type MeetingAccess, type MeetingRow, meetingFor } from "./meeting-access";
import { peopleNamed, seriesOf } from "./meetings.repo";
import { actionItems, meetingOverrides, meetingRatings } from "./meetings.table";
import { actionItemsWhere, decisionsOf } from "./outcomes.repo";
import { preReadDocumentsPart } from "./pre-read-documents";
import { recapOf } from "./recap";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Agenda empty while the agreement's `agendaRequiredHoursBefore` point has passed (scheduled meetings). */
export function agendaMissing(
  meeting: MeetingRow,
  hasAgenda: boolean,
  rules: Pick<Rules, "agendaRequiredHoursBefore">,
  now: Date,
) {
  const due = meeting.startAt.getTime() - rules.agendaRequiredHoursBefore * HOUR_MS;
  return meeting.status === "scheduled" && !hasAgenda && now.getTime() >= due;
}

/** The part everyone invited sees, in lists and on the page. */
export function presentSummary(
  meeting: MeetingRow,
  attendees: readonly AttendeeRow[],
  viewerId: string,
  agendaIsMissing: boolean,
): MeetingSummaryView {
  return {
    id: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    start: meeting.startAt.toISOString(),
    end: meeting.endAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    status: meeting.status,
    organiserId: meeting.organiserId,
    teamId: meeting.teamId,
    seriesId: meeting.seriesId,
    cost: { personHours: personHours([...attendees], meeting.durationMinutes) },
    agendaMissing: agendaIsMissing,
    myRsvp: attendees.find((a) => a.personId === viewerId)?.rsvp ?? null,
    attendeeCount: attendees.length,
  };
}

export async function attendeesPart(db: Executor, access: MeetingAccess): Promise<MeetingView["attendees"]> {
  const named = await peopleNamed(
    db,
    access.meeting.organisationId,
    access.attendees.map((a) => a.personId),
  );
  const organiserFirst = (a: AttendeeRow) => (a.personId === access.meeting.organiserId ? 0 : 1);
  return [...access.attendees]
    .map((a) => ({ a, person: named.get(a.personId) }))
    .sort(
      (x, y) =>
        organiserFirst(x.a) - organiserFirst(y.a) ||
        (x.person?.name ?? "").localeCompare(y.person?.name ?? ""),
    )
    .map(({ a, person }) => ({
      personId: a.personId,
      name: person?.name ?? "",
      timeZone: person?.timeZone ?? "UTC",
      required: a.required,
      rsvp: a.rsvp,
    }));
}

/** The shared notes, `[[Title]]` and pasted links resolved for the viewer (`resolveReferences`). */
export const notesPart = (meeting: MeetingRow, references: References): MeetingView["notes"] => ({
  body: meeting.notesBody,
  html: renderMarkdown(meeting.notesBody, references),
  version: meeting.notesVersion,
});

export async function overridesPart(db: Executor, meeting: MeetingRow): Promise<MeetingView["overrides"]> {
  const rows = await db
    .select()
    .from(meetingOverrides)
    .where(
      and(
        eq(meetingOverrides.organisationId, meeting.organisationId),
        eq(meetingOverrides.meetingId, meeting.id),
      ),
    )
    .orderBy(asc(meetingOverrides.at));
  return rows.map((o) => ({ reason: o.reason, ruleIds: o.ruleIds, by: o.by, at: o.at.toISOString() }));
}

/** The count, and the aggregates only from the threshold on (`ratingSummary`); never who said what. */
export async function ratingPart(
  db: Executor,
  meeting: MeetingRow,
  viewerId: string,
): Promise<MeetingView["rating"]> {
  const rows = await db
    .select({
      personId: meetingRatings.personId,
      worthIt: meetingRatings.worthIt,
      couldBeAsync: meetingRatings.couldBeAsync,
    })
    .from(meetingRatings)
    .where(
      and(
        eq(meetingRatings.organisationId, meeting.organisationId),
        eq(meetingRatings.meetingId, meeting.id),
      ),
    );
  return { ...ratingSummary(rows), mine: rows.some((r) => r.personId === viewerId) };
}

export async function seriesPart(db: Executor, meeting: MeetingRow): Promise<MeetingView["series"]> {
  if (!meeting.seriesId) return undefined;
  const found = await seriesOf(db, meeting.organisationId, meeting.seriesId);
  if (!found) return undefined;
  const at = found.members.findIndex((m) => m.id === meeting.id);
  return {
    id: found.series.id,
    frequency: found.series.frequency,
    index: meeting.seriesIndex ?? at + 1,
    total: found.members.length,
    nextId: found.members[at + 1]?.id ?? null,
    previousId: found.members[at - 1]?.id ?? null,
  };
}

/** What the agreement says now about a scheduled meeting: warnings only (blocks were allowed or overridden). */
export async function warningsPart(deps: Deps, actor: Actor, access: MeetingAccess): Promise<Violation[]> {
  const { meeting, attendees } = access;
  if (meeting.status !== "scheduled") return [];
  const slot = { start: meeting.startAt.getTime(), end: meeting.endAt.getTime() };
  const ids = attendees.map((a) => a.personId);
  const [{ rules }, gathered] = await Promise.all([
    getAgreement(deps, actor, meeting.teamId ?? undefined),
    gather(deps, meeting.organisationId, ids, [slot], [meeting.id]),
  ]);
  return judge(meeting.kind, rules, attendees, gathered, [slot]).warnings;
}

/**
 * GET /meetings/:id's meeting (404 unless the actor is its organiser or an attendee), each part
 * from its own function; `warnings` when the caller has just computed them.
 */
export async function presentMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  warnings?: Violation[],
): Promise<MeetingView> {
  const db = deps.db;
  const access = await meetingFor(db, actor, meetingId);
  const { meeting } = access;
  const [
    attendees,
    agenda,
    decisions,
    actionItemViews,
    overrides,
    rating,
    recap,
    series,
    agreement,
    found,
    preReadDocuments,
    references,
  ] = await Promise.all([
    attendeesPart(db, access),
    agendaOf(db, meeting.organisationId, meeting.id),
    decisionsOf(db, meeting),
    actionItemsWhere(db, meeting.organisationId, eq(actionItems.meetingId, meeting.id)),
    overridesPart(db, meeting),
    ratingPart(db, meeting, actor.personId),
    recapOf(db, meeting),
    seriesPart(db, meeting),
    getAgreement(deps, actor, meeting.teamId ?? undefined),
    warnings ? Promise.resolve(warnings) : warningsPart(deps, actor, access),
    preReadDocumentsPart(db, actor, meeting),
    resolveReferences(db, actor, [meeting.notesBody], deps.config.publicUrl),
  ]);
  const missing = agendaMissing(meeting, agenda.length > 0, agreement.rules, deps.clock.now());
  return {
    ...presentSummary(meeting, access.attendees, actor.personId, missing),
    purpose: meeting.purpose,
    description: meeting.description,
    location: meeting.location,
    preReads: meeting.preReads,
    preReadDocuments,
    attendees,
    agenda,
    decisions,
    actionItems: actionItemViews,
    notes: notesPart(meeting, references),
    overrides,
    rating,
    recap,
    ...(series ? { series } : {}),
    cancelledAt: iso(meeting.cancelledAt),
    completedAt: iso(meeting.completedAt),
    warnings: found,
  };
}
