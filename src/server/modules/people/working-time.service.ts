import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { type Interval, type WorkingTimeProfile, workingIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import type { PersonRow } from "./people.repo";
import { absences, people, zoneChanges } from "./people.table";
import { asZoneChange } from "./time-off.service";

export interface PersonWorkingTime {
  personId: string;
  name: string;
  timeZone: string;
  working: Interval[];
}

/** A person's row with what the time engine needs to know of them (zone, pattern, travel, absences). */
export interface PersonWithProfile {
  person: PersonRow;
  profile: WorkingTimeProfile;
}

/**
 * Several people with their working-time profiles, absences limited to those overlapping `window`.
 * Three queries whatever the number of people. Unknown ids → 404.
 */
export async function workingTimeProfilesOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Map<string, PersonWithProfile>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const [rows, zones, away] = await Promise.all([
    executor
      .select()
      .from(people)
      .where(and(eq(people.organisationId, organisationId), inArray(people.id, ids))),
    executor
      .select()
      .from(zoneChanges)
      .where(and(eq(zoneChanges.organisationId, organisationId), inArray(zoneChanges.personId, ids)))
      .orderBy(asc(zoneChanges.fromDate)),
    executor
      .select()
      .from(absences)
      .where(
        and(
          eq(absences.organisationId, organisationId),
          inArray(absences.personId, ids),
          lt(absences.startAt, new Date(window.end)),
          gt(absences.endAt, new Date(window.start)),
        ),
      ),
  ]);
  if (rows.length !== ids.length) throw notFound("Person");
  const zonesById = byPerson(zones);
  const awayById = byPerson(away);
  const zonesOf = (id: string) => (zonesById.get(id) ?? []).map(asZoneChange);
  const absencesOf = (id: string) =>
    (awayById.get(id) ?? []).map((a) => ({ start: a.startAt.getTime(), end: a.endAt.getTime() }));
  const profiles = new Map<string, PersonWithProfile>();
  for (const person of rows) {
    const profile: WorkingTimeProfile = {
      timeZone: person.timeZone,
      week: person.workingPattern,
      zoneChanges: zonesOf(person.id),
      absences: absencesOf(person.id),
    };
    profiles.set(person.id, { person, profile });
  }
  return profiles;
}

function byPerson<T extends { personId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.personId);
    if (list) list.push(row);
    else grouped.set(row.personId, [row]);
  }
  return grouped;
}

/**
 * Working intervals (UTC) of several people over a window: each pattern in the zone in force on
 * the day, minus absences. Three queries whatever the number of people. Unknown ids → 404.
 */
export async function workingTimeOf(
  executor: Executor,
  organisationId: string,
  personIds: string[],
  window: Interval,
): Promise<PersonWorkingTime[]> {
  const profiles = await workingTimeProfilesOf(executor, organisationId, personIds, window);
  return personIds.map((id) => {
    const found = profiles.get(id);
    if (!found) throw notFound("Person");
    const { person, profile } = found;
    const working = workingIntervals(profile, window);
    return { personId: id, name: person.name, timeZone: person.timeZone, working };
  });
}

/** GET …/working-time: one person's working intervals over [from, to) (`windowQuery` bounds it). */
export async function personWorkingTime(
  deps: Deps,
  actor: Actor,
  personId: string,
  from: string,
  to: string,
) {
  const window = { start: Date.parse(from), end: Date.parse(to) };
  const [person] = await workingTimeOf(deps.db, actor.organisationId, [personId], window);
  return (person?.working ?? []).map((i) => ({
    start: new Date(i.start).toISOString(),
    end: new Date(i.end).toISOString(),
  }));
}
