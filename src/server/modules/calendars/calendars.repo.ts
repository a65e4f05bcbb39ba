import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Interval } from "../../../core/time";
import { epochMs } from "../../platform/db/epoch";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { absences } from "../people/people.table";
import { busyIntervals, calendars } from "./calendars.table";

export type CalendarRow = typeof calendars.$inferSelect;

/** Rows per INSERT … SELECT FROM unnest(…): two array parameters whatever the count. */
const WRITE_CHUNK = 20_000;

export async function getCalendar(
  executor: Executor,
  organisationId: string,
  personId: string,
  calendarId: string,
): Promise<CalendarRow> {
  const [row] = await executor
    .select()
    .from(calendars)
    .where(
      and(
        eq(calendars.organisationId, organisationId),
        eq(calendars.personId, personId),
        eq(calendars.id, calendarId),
      ),
    );
  if (!row) throw notFound("Calendar");
  return row;
}

export function listCalendarRows(executor: Executor, organisationId: string, personId: string) {
  return executor
    .select()
    .from(calendars)
    .where(and(eq(calendars.organisationId, organisationId), eq(calendars.personId, personId)))
    .orderBy(asc(calendars.createdAt), asc(calendars.id));
}

/**
 * Replaces a calendar's busy time with `busy` (normalised intervals) and records the sync: call it
 * inside a transaction so readers see the old set or the new one, never a mix.
 */
export async function replaceBusy(
  tx: Executor,
  calendar: Pick<CalendarRow, "id" | "organisationId" | "personId">,
  busy: readonly Interval[],
  eventCount: number,
): Promise<CalendarRow> {
  // Updating first locks the calendar row (PostgreSQL), so a concurrent delete waits or has won.
  const [row] = await tx
    .update(calendars)
    .set({ eventCount, lastSyncedAt: new Date(), lastError: null, failedRefreshes: 0, brokenAt: null })
    .where(and(eq(calendars.organisationId, calendar.organisationId), eq(calendars.id, calendar.id)))
    .returning();
  if (!row) throw notFound("Calendar");
  await tx
    .delete(busyIntervals)
    .where(
      and(
        eq(busyIntervals.organisationId, calendar.organisationId),
        eq(busyIntervals.calendarId, calendar.id),
      ),
    );
  for (let at = 0; at < busy.length; at += WRITE_CHUNK) {
    const chunk = busy.slice(at, at + WRITE_CHUNK);
    const starts = `{${chunk.map((i) => i.start).join(",")}}`;
    const ends = `{${chunk.map((i) => i.end).join(",")}}`;
    await tx.execute(sql`
      insert into ${busyIntervals} (calendar_id, organisation_id, person_id, start_at, end_at)
      select ${calendar.id}, ${calendar.organisationId}, ${calendar.personId},
             to_timestamp(s / 1000.0), to_timestamp(e / 1000.0)
      from unnest(${starts}::bigint[], ${ends}::bigint[]) as t(s, e)`);
  }
  return row;
}

/** Busy time imported from several people's calendars overlapping `window`, unsorted, one query. */
export async function importedBusyRows(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<{ personId: string; start: number; end: number }[]> {
  if (personIds.length === 0) return [];
  const rows = await executor
    .select({
      personId: busyIntervals.personId,
      start: epochMs(busyIntervals.startAt),
      end: epochMs(busyIntervals.endAt),
    })
    .from(busyIntervals)
    .where(
      and(
        eq(busyIntervals.organisationId, organisationId),
        inArray(busyIntervals.personId, [...personIds]),
        lt(busyIntervals.startAt, new Date(window.end)),
        gt(busyIntervals.endAt, new Date(window.start)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId, start: Number(r.start), end: Number(r.end) }));
}

/** Calendar busy time and absences of several people overlapping `window`, unsorted, two queries. */
export async function busyRows(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<{ personId: string; start: number; end: number }[]> {
  if (personIds.length === 0) return [];
  const [fromCalendars, away] = await Promise.all([
    importedBusyRows(executor, organisationId, personIds, window),
    executor
      .select({ personId: absences.personId, start: absences.startAt, end: absences.endAt })
      .from(absences)
      .where(
        and(
          eq(absences.organisationId, organisationId),
          inArray(absences.personId, [...personIds]),
          lt(absences.startAt, new Date(window.end)),
          gt(absences.endAt, new Date(window.start)),
        ),
      ),
  ]);
  const absent = away.map((r) => ({ personId: r.personId, start: r.start.getTime(), end: r.end.getTime() }));
  return [...fromCalendars, ...absent];
}
