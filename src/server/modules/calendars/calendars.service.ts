import { and, eq } from "drizzle-orm";
import type { CalendarView, CreateCalendarBody } from "../../../contracts/calendars";
import type { Deps } from "../../deps";
import { conflict, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { getPerson } from "../people";
import { readIcs } from "./calendars.import";
import { REFRESH_CALENDAR_QUEUE, type RefreshCalendarJob } from "./calendars.jobs";
import { assertMayManageCalendars } from "./calendars.policy";
import { type CalendarRow, getCalendar, listCalendarRows, replaceBusy } from "./calendars.repo";
import { calendars } from "./calendars.table";

export function presentCalendar(row: CalendarRow): CalendarView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    eventCount: row.eventCount,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    host: row.url ? new URL(row.url).host : null,
  };
}

/** The person (404 if not in the actor's organisation), once the actor may manage their calendars. */
async function managedPerson(deps: Deps, actor: Actor, personId: string) {
  const person = await getPerson(deps.db, actor.organisationId, personId);
  assertMayManageCalendars(actor, personId);
  return person;
}

export async function listCalendars(deps: Deps, actor: Actor, personId: string): Promise<CalendarView[]> {
  await managedPerson(deps, actor, personId);
  return (await listCalendarRows(deps.db, actor.organisationId, personId)).map(presentCalendar);
}

/**
 * `{ name, ics }`: the file is read before anything is written (a bad file stores nothing), then
 * the calendar and its busy time are inserted in one transaction. `{ name, url }`: the calendar is
 * inserted with a refresh job in the same transaction; the job fetches it.
 */
export async function createCalendar(
  deps: Deps,
  actor: Actor,
  personId: string,
  body: CreateCalendarBody,
): Promise<CalendarView> {
  const person = await managedPerson(deps, actor, personId);
  const read = body.ics === undefined ? undefined : readIcs(deps, body.ics, person.timeZone);
  const row = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(calendars)
      .values({
        organisationId: actor.organisationId,
        personId,
        name: body.name,
        kind: read ? "file" : "url",
        url: read ? null : (body.url ?? null),
      })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    if (read) return replaceBusy(tx, inserted, read.busy, read.events);
    const job: RefreshCalendarJob = { organisationId: actor.organisationId, calendarId: inserted.id };
    await deps.jobs.send(tx, REFRESH_CALENDAR_QUEUE, { ...job });
    return inserted;
  });
  return presentCalendar(row);
}

/** A new version of an uploaded file replaces the calendar's busy time atomically. */
export async function replaceCalendar(
  deps: Deps,
  actor: Actor,
  personId: string,
  calendarId: string,
  ics: string,
): Promise<CalendarView> {
  const person = await managedPerson(deps, actor, personId);
  const calendar = await getCalendar(deps.db, actor.organisationId, personId, calendarId);
  if (calendar.kind !== "file") {
    throw conflict(
      "This calendar is subscribed to a URL and refreshes from it; add the file as a new calendar",
    );
  }
  const read = readIcs(deps, ics, person.timeZone);
  const row = await deps.db.transaction((tx) => replaceBusy(tx, calendar, read.busy, read.events));
  return presentCalendar(row);
}

export async function deleteCalendar(deps: Deps, actor: Actor, personId: string, calendarId: string) {
  await managedPerson(deps, actor, personId);
  const deleted = await deps.db
    .delete(calendars)
    .where(
      and(
        eq(calendars.organisationId, actor.organisationId),
        eq(calendars.personId, personId),
        eq(calendars.id, calendarId),
      ),
    )
    .returning({ id: calendars.id });
  if (deleted.length === 0) throw notFound("Calendar");
}
