import { and, asc, eq, gt, inArray, lt, ne, notInArray, or } from "drizzle-orm";
import type { AgendaItemInput } from "../../../contracts/meetings";
import type { Interval } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import { importedBusyRows } from "../calendars";
import { people } from "../people";
import type { AttendeeRow, MeetingRow } from "./meeting-access";
import { agendaItems, meetingAttendees, meetingOverrides, meetingSeries, meetings } from "./meetings.table";

export type NewMeeting = typeof meetings.$inferInsert;
export type NewAttendee = Omit<typeof meetingAttendees.$inferInsert, "meetingId" | "organisationId">;

/** The people named, each active in the organisation, else 400 naming `field(i)` of the first who is not. */
export async function activePeople(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  field: (index: number) => string,
) {
  const rows =
    personIds.length === 0
      ? []
      : await executor
          .select({ id: people.id, name: people.name, timeZone: people.timeZone, active: people.active })
          .from(people)
          .where(and(eq(people.organisationId, organisationId), inArray(people.id, [...personIds])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = personIds.findIndex((id) => !byId.get(id)?.active);
  if (missing >= 0) throw invalid(field(missing), "is not an active person in this organisation");
  return byId;
}

/** Names and zones of people of the organisation (for presenting attendees). */
export async function peopleNamed(executor: Executor, organisationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, { name: string; timeZone: string }>();
  const rows = await executor
    .select({ id: people.id, name: people.name, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, [...personIds])));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertSeries(tx: Executor, series: typeof meetingSeries.$inferInsert) {
  const [row] = await tx.insert(meetingSeries).values(series).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Inserts the meetings with the same attendees and agenda each; answers the rows in order. */
export async function insertMeetings(
  tx: Executor,
  rows: NewMeeting[],
  attendees: NewAttendee[],
  agenda: AgendaItemInput[],
): Promise<MeetingRow[]> {
  const inserted = await tx.insert(meetings).values(rows).returning();
  const { organisationId } = rows[0] as NewMeeting;
  await tx
    .insert(meetingAttendees)
    .values(inserted.flatMap((m) => attendees.map((a) => ({ ...a, meetingId: m.id, organisationId }))));
  if (agenda.length > 0)
    await tx.insert(agendaItems).values(
      inserted.flatMap((m) =>
        agenda.map((item, position) => ({
          meetingId: m.id,
          organisationId,
          position,
          title: item.title,
          ownerId: item.ownerId ?? null,
          minutes: item.minutes ?? null,
          outcome: item.outcome,
        })),
      ),
    );
  return inserted.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
}

export async function insertOverrides(
  tx: Executor,
  organisationId: string,
  meetingIds: readonly string[],
  override: { reason: string; ruleIds: string[]; by: string },
) {
  if (meetingIds.length === 0) return;
  await tx
    .insert(meetingOverrides)
    .values(meetingIds.map((meetingId) => ({ meetingId, organisationId, ...override })));
}

/** Sets the meeting's attendees to `wanted`: keeps the answers of those who stay; answers who came and went. */
export async function replaceAttendees(
  tx: Executor,
  meeting: MeetingRow,
  current: AttendeeRow[],
  wanted: NewAttendee[],
): Promise<{ added: string[]; removed: string[] }> {
  const wantedIds = new Set(wanted.map((a) => a.personId));
  const currentIds = new Set(current.map((a) => a.personId));
  const removed = current.filter((a) => !wantedIds.has(a.personId)).map((a) => a.personId);
  const added = wanted.filter((a) => !currentIds.has(a.personId));
  if (removed.length > 0)
    await tx
      .delete(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meeting.id), inArray(meetingAttendees.personId, removed)));
  if (added.length > 0)
    await tx
      .insert(meetingAttendees)
      .values(added.map((a) => ({ ...a, meetingId: meeting.id, organisationId: meeting.organisationId })));
  for (const a of wanted)
    if (currentIds.has(a.personId) && a.required !== undefined)
      await tx
        .update(meetingAttendees)
        .set({ required: a.required })
        .where(and(eq(meetingAttendees.meetingId, meeting.id), eq(meetingAttendees.personId, a.personId)));
  return { added: added.map((a) => a.personId), removed };
}

/**
 * Other Tandem meetings of these people overlapping `window` that they attend (not cancelled, and not
 * declined or followed async by them), without the meetings in `except`: the load the gates count.
 */
export async function otherMeetingsOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
  except: readonly string[] = [],
): Promise<Map<string, Interval[]>> {
  const result = new Map(personIds.map((id) => [id, [] as Interval[]]));
  if (personIds.length === 0) return result;
  const rows = await executor
    .select({ personId: meetingAttendees.personId, start: meetings.startAt, end: meetings.endAt })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(
      and(
        eq(meetingAttendees.organisationId, organisationId),
        inArray(meetingAttendees.personId, [...personIds]),
        notInArray(meetingAttendees.rsvp, ["no", "follow_async"]),
        ne(meetings.status, "cancelled"),
        lt(meetings.startAt, new Date(window.end)),
        gt(meetings.endAt, new Date(window.start)),
        except.length > 0 ? notInArray(meetings.id, [...except]) : undefined,
      ),
    );
  for (const r of rows) result.get(r.personId)?.push({ start: r.start.getTime(), end: r.end.getTime() });
  return result;
}

/**
 * Busy time imported from these people's calendars inside `window` — without absences, which
 * `calendars.busyOf` merges in: a day off is not meeting load (it is already out of working time).
 */
export async function importedBusyOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Map<string, Interval[]>> {
  const result = new Map(personIds.map((id) => [id, [] as Interval[]]));
  for (const r of await importedBusyRows(executor, organisationId, personIds, window)) {
    result.get(r.personId)?.push({ start: r.start, end: r.end });
  }
  return result;
}

/** The actor's meetings (organiser or attendee) starting in [from, to), by start. */
export async function myMeetings(
  executor: Executor,
  organisationId: string,
  personId: string,
  window: Interval,
) {
  const mine = executor
    .select({ id: meetingAttendees.meetingId })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.organisationId, organisationId), eq(meetingAttendees.personId, personId)));
  return executor
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        or(eq(meetings.organiserId, personId), inArray(meetings.id, mine)),
        lt(meetings.startAt, new Date(window.end)),
        gt(meetings.endAt, new Date(window.start)),
      ),
    )
    .orderBy(asc(meetings.startAt))
    .limit(1000);
}

export async function attendeesOf(executor: Executor, meetingIds: readonly string[]): Promise<AttendeeRow[]> {
  if (meetingIds.length === 0) return [];
  return executor
    .select()
    .from(meetingAttendees)
    .where(inArray(meetingAttendees.meetingId, [...meetingIds]));
}

/** Which of these meetings have at least one agenda item. */
export async function withAgenda(executor: Executor, meetingIds: readonly string[]): Promise<Set<string>> {
  if (meetingIds.length === 0) return new Set();
  const rows = await executor
    .selectDistinct({ id: agendaItems.meetingId })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, [...meetingIds]));
  return new Set(rows.map((r) => r.id));
}

export async function seriesOf(executor: Executor, organisationId: string, seriesId: string) {
  const [series] = await executor
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.organisationId, organisationId), eq(meetingSeries.id, seriesId)));
  const members = await executor
    .select({ id: meetings.id, index: meetings.seriesIndex, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.seriesId, seriesId)))
    .orderBy(asc(meetings.seriesIndex));
  return series ? { series, members } : undefined;
}
