import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { clipIntervals, type Interval, mergeIntervals, workingIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { getPerson } from "../people";
import { people, zoneChanges } from "../people/people.table";
import { assertMayManageCalendars } from "./calendars.policy";
import { busyRows } from "./calendars.repo";
import { busyIntervals, calendars, focusBlocks } from "./calendars.table";

const byPerson = (personIds: readonly string[]) => new Map(personIds.map((id) => [id, [] as Interval[]]));

/**
 * Busy time of several people inside `window`: their calendars' busy intervals and their absences,
 * merged per person (sorted, clipped to the window). Two queries for any number of people; an id
 * with nothing (or not in the organisation) maps to an empty list.
 */
export async function busyOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Map<string, Interval[]>> {
  const result = byPerson(personIds);
  for (const row of await busyRows(executor, organisationId, [...result.keys()], window)) {
    result.get(row.personId)?.push({ start: row.start, end: row.end });
  }
  for (const [id, list] of result) result.set(id, clipIntervals(mergeIntervals(list), window));
  return result;
}

/**
 * Focus blocks of several people inside `window`: each weekly pattern on the wall clock of the
 * zone the person is in that day (travel included), as merged UTC intervals. Two queries.
 */
export async function focusOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Map<string, Interval[]>> {
  const result = byPerson(personIds);
  const ids = [...result.keys()];
  if (ids.length === 0) return result;
  const [blocks, zones] = await Promise.all([
    executor
      .select({ personId: focusBlocks.personId, week: focusBlocks.week, timeZone: people.timeZone })
      .from(focusBlocks)
      .innerJoin(people, eq(people.id, focusBlocks.personId))
      .where(and(eq(focusBlocks.organisationId, organisationId), inArray(focusBlocks.personId, ids))),
    executor
      .select({ personId: zoneChanges.personId, from: zoneChanges.fromDate, timeZone: zoneChanges.timeZone })
      .from(zoneChanges)
      .where(and(eq(zoneChanges.organisationId, organisationId), inArray(zoneChanges.personId, ids))),
  ]);
  for (const block of blocks) {
    const travel = zones.filter((z) => z.personId === block.personId);
    result.set(
      block.personId,
      workingIntervals({ timeZone: block.timeZone, week: block.week, zoneChanges: travel }, window),
    );
  }
  return result;
}

/** GET …/busy: free/busy of one person of the organisation over [from, to) (`windowQuery` bounds it). */
export async function personBusy(deps: Deps, actor: Actor, personId: string, from: string, to: string) {
  const window = { start: Date.parse(from), end: Date.parse(to) };
  await getPerson(deps.db, actor.organisationId, personId);
  const busy = (await busyOf(deps.db, actor.organisationId, [personId], window)).get(personId) ?? [];
  return busy.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));
}

const iso = (i: Interval) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() });

/**
 * GET …/calendar-busy: one person's own week as their calendar page draws it, for the person and
 * admins: each calendar's busy intervals (named by calendar, clipped to the window) and focus blocks.
 */
export async function calendarBusy(deps: Deps, actor: Actor, personId: string, from: string, to: string) {
  const window = { start: Date.parse(from), end: Date.parse(to) };
  await getPerson(deps.db, actor.organisationId, personId);
  assertMayManageCalendars(actor, personId);
  const [rows, focus] = await Promise.all([
    deps.db
      .select({ calendar: calendars.name, start: busyIntervals.startAt, end: busyIntervals.endAt })
      .from(busyIntervals)
      .innerJoin(calendars, eq(calendars.id, busyIntervals.calendarId))
      .where(
        and(
          eq(busyIntervals.organisationId, actor.organisationId),
          eq(busyIntervals.personId, personId),
          lt(busyIntervals.startAt, new Date(window.end)),
          gt(busyIntervals.endAt, new Date(window.start)),
        ),
      )
      .orderBy(asc(busyIntervals.startAt), asc(calendars.name)),
    focusOf(deps.db, actor.organisationId, [personId], window),
  ]);
  const busy = rows.map((r) => ({
    calendar: r.calendar,
    ...iso(clipIntervals([{ start: r.start.getTime(), end: r.end.getTime() }], window)[0] ?? window),
  }));
  return { busy, focus: (focus.get(personId) ?? []).map(iso) };
}
