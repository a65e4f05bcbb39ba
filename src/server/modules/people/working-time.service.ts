import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { type Interval, workingIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { absences, people, zoneChanges } from "./people.table";
import { asZoneChange } from "./time-off.service";

export interface PersonWorkingTime {
  personId: string;
  name: string;
  timeZone: string;
  working: Interval[];
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
  const ids = [...new Set(personIds)];
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
  const byId = new Map(rows.map((r) => [r.id, r]));
  return personIds.map((id) => {
    const person = byId.get(id);
    if (!person) throw notFound("Person");
    const working = workingIntervals(
      {
        timeZone: person.timeZone,
        week: person.workingPattern,
        zoneChanges: zones.filter((z) => z.personId === id).map(asZoneChange),
        absences: away
          .filter((a) => a.personId === id)
          .map((a) => ({ start: a.startAt.getTime(), end: a.endAt.getTime() })),
      },
      window,
    );
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
