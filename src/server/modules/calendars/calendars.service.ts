import { and, eq } from "drizzle-orm";
import type { CalendarView } from "../../../contracts/calendars";
import type { Deps } from "../../deps";
import { conflict, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { getPerson } from "../people";
import { type ReadIcs, readIcs } from "./calendars.import";
import { busyChangedForInsights } from "./calendars.insights";
import { refreshCalendarJob } from "./calendars.jobs";
import { assertMayManageCalendars } from "./calendars.policy";
import { type CalendarRow, getCalendar, listCalendarRows, replaceBusy } from "./calendars.repo";
import { calendars } from "./calendars.table";
import { assertSubscribed, restartRefresh } from "./subscriptions.service";

/** A file as JSON text (`{ ics }`) or as the bytes of a `text/calendar` body: the reader takes either. */
type IcsFile = string | Uint8Array;
/** `{ name, ics }` uploads a file, `{ name, url }` subscribes (the contract's body, or a raw file). */
export type NewCalendar = { name: string; ics?: IcsFile | undefined; url?: string | undefined };
/** `{ ics }` a new version of an uploaded file, `{ url }` a new address for a subscribed one. */
export type CalendarChange = { ics?: IcsFile | undefined; url?: string | undefined };

export function presentCalendar(row: CalendarRow): CalendarView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    eventCount: row.eventCount,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    failedRefreshes: row.failedRefreshes,
    broken: row.brokenAt !== null,
    host: row.url ? new URL(row.url).host : null,
  };
}

/** The answer to an upload names the events that could not be read in full (titles: shown, never stored). */
function withProblems(view: CalendarView, read: ReadIcs | undefined): CalendarView {
  if (!read || read.problems.length === 0) return view;
  return { ...view, problems: read.problems.map((p) => ({ line: p.line ?? null, message: p.message })) };
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
  body: NewCalendar,
): Promise<CalendarView> {
  const person = await managedPerson(deps, actor, personId);
  const read = body.ics === undefined ? undefined : await readIcs(deps, body.ics, person.timeZone);
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
    if (read) await busyChangedForInsights(tx, deps, inserted, read.busy);
    if (read) return replaceBusy(tx, inserted, read.busy, read.events);
    await deps.jobs.send(tx, refreshCalendarJob, {
      organisationId: actor.organisationId,
      calendarId: inserted.id,
    });
    return inserted;
  });
  return withProblems(presentCalendar(row), read);
}

/**
 * `{ ics }`: a new version of an uploaded file replaces the calendar's busy time atomically.
 * `{ url }`: a subscribed calendar gets a new address, fetched at once (a broken one starts again).
 */
export async function replaceCalendar(
  deps: Deps,
  actor: Actor,
  personId: string,
  calendarId: string,
  body: CalendarChange,
): Promise<CalendarView> {
  const person = await managedPerson(deps, actor, personId);
  const calendar = await getCalendar(deps.db, actor.organisationId, personId, calendarId);
  if (body.url !== undefined) {
    assertSubscribed(calendar);
    return presentCalendar(await restartRefresh(deps, calendar, body.url));
  }
  if (calendar.kind !== "file") {
    throw conflict(
      "This calendar is subscribed to a URL and refreshes from it; add the file as a new calendar",
    );
  }
  const read = await readIcs(deps, body.ics ?? "", person.timeZone);
  const row = await deps.db.transaction(async (tx) => {
    await busyChangedForInsights(tx, deps, calendar, read.busy);
    return replaceBusy(tx, calendar, read.busy, read.events);
  });
  return withProblems(presentCalendar(row), read);
}

/** Retry: fetch a subscribed calendar now, clearing its failures (and its broken mark); answers the outcome. */
export async function retryCalendar(deps: Deps, actor: Actor, personId: string, calendarId: string) {
  await managedPerson(deps, actor, personId);
  const calendar = await getCalendar(deps.db, actor.organisationId, personId, calendarId);
  assertSubscribed(calendar);
  return presentCalendar(await restartRefresh(deps, calendar));
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
