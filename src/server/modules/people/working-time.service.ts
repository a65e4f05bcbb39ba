import { and, eq, gt, lt } from "drizzle-orm";
import { workingIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { getPerson } from "./people.repo";
import { absences } from "./people.table";
import { asZoneChange, listZoneChangeRows } from "./time-off.service";

const MAX_WINDOW_MS = 62 * 86_400_000;

/** A person's working intervals in UTC over [from, to): pattern in the zone in force, minus absences. */
export async function personWorkingTime(
  deps: Deps,
  actor: Actor,
  personId: string,
  from: string,
  to: string,
) {
  const window = { start: Date.parse(from), end: Date.parse(to) };
  if (window.end <= window.start) throw invalid("to", "must be after from");
  if (window.end - window.start > MAX_WINDOW_MS) throw invalid("to", "the window may span at most 62 days");
  const person = await getPerson(deps.db, actor.organisationId, personId);
  const [zones, away] = await Promise.all([
    listZoneChangeRows(deps, actor.organisationId, personId),
    deps.db
      .select({ start: absences.startAt, end: absences.endAt })
      .from(absences)
      .where(
        and(
          eq(absences.organisationId, actor.organisationId),
          eq(absences.personId, personId),
          lt(absences.startAt, new Date(window.end)),
          gt(absences.endAt, new Date(window.start)),
        ),
      ),
  ]);
  const intervals = workingIntervals(
    {
      timeZone: person.timeZone,
      week: person.workingPattern,
      zoneChanges: zones.map(asZoneChange),
      absences: away.map((a) => ({ start: a.start.getTime(), end: a.end.getTime() })),
    },
    window,
  );
  return intervals.map((i) => ({
    start: new Date(i.start).toISOString(),
    end: new Date(i.end).toISOString(),
  }));
}
