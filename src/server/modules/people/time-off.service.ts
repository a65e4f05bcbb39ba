import { and, asc, eq } from "drizzle-orm";
import type { AbsenceBody, AbsenceView, ZoneChangeView } from "../../../contracts/people";
import { personDateRangeToInterval, type ZoneChange } from "../../../core/time";
import type { Deps } from "../../deps";
import { isUniqueViolation } from "../../platform/db/errors";
import { conflict, invalid, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { workingTimeChangedForInsights } from "./people.insights";
import { assertMayEditPerson, maySeeAbsenceDetails } from "./people.policy";
import { getPerson } from "./people.repo";
import { absences, zoneChanges } from "./people.table";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type AbsenceRow = typeof absences.$inferSelect;

/**
 * An absence is either two instants (end exclusive) or two local dates of the person (end
 * inclusive), resolved in the zone in force on those days.
 */
export async function addAbsence(deps: Deps, actor: Actor, personId: string, body: AbsenceBody) {
  const person = await getPerson(deps.db, actor.organisationId, personId);
  assertMayEditPerson(actor, personId);
  const byDate = DATE.test(body.start);
  if (byDate !== DATE.test(body.end)) {
    throw invalid("end", "give both start and end as dates (YYYY-MM-DD) or both as instants");
  }
  let startAt: Date;
  let endAt: Date;
  if (byDate) {
    if (body.end < body.start) throw invalid("end", "must not be before start");
    const zones = await listZoneChangeRows(deps, actor.organisationId, personId);
    const span = personDateRangeToInterval(
      { timeZone: person.timeZone, zoneChanges: zones.map(asZoneChange) },
      body.start,
      body.end,
    );
    startAt = new Date(span.start);
    endAt = new Date(span.end);
  } else {
    startAt = new Date(body.start);
    endAt = new Date(body.end);
    if (endAt <= startAt) throw invalid("end", "must be after start");
  }
  const [row] = await deps.db.transaction(async (tx) => {
    const span = { start: startAt, end: endAt };
    await workingTimeChangedForInsights(tx, deps, actor.organisationId, personId, span);
    return tx
      .insert(absences)
      .values({
        organisationId: actor.organisationId,
        personId,
        startAt,
        endAt,
        startDate: byDate ? body.start : null,
        endDate: byDate ? body.end : null,
        kind: body.kind ?? "other",
        reason: body.reason ?? null,
      })
      .returning();
  });
  if (!row) throw new Error("insert returned no row");
  return presentAbsence(row, true);
}

export async function listAbsences(deps: Deps, actor: Actor, personId: string) {
  await getPerson(deps.db, actor.organisationId, personId);
  const rows = await deps.db
    .select()
    .from(absences)
    .where(and(eq(absences.organisationId, actor.organisationId), eq(absences.personId, personId)))
    .orderBy(asc(absences.startAt));
  const details = maySeeAbsenceDetails(actor, personId);
  return rows.map((r) => presentAbsence(r, details));
}

export async function deleteAbsence(deps: Deps, actor: Actor, personId: string, absenceId: string) {
  await getPerson(deps.db, actor.organisationId, personId);
  assertMayEditPerson(actor, personId);
  await deps.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(absences)
      .where(
        and(
          eq(absences.organisationId, actor.organisationId),
          eq(absences.personId, personId),
          eq(absences.id, absenceId),
        ),
      )
      .returning({ start: absences.startAt, end: absences.endAt });
    if (!deleted) throw notFound("Absence");
    await workingTimeChangedForInsights(tx, deps, actor.organisationId, personId, deleted);
  });
}

/** Others see only that the person is away, never the kind or reason. */
function presentAbsence(r: AbsenceRow, details: boolean): AbsenceView {
  const base = {
    id: r.id,
    start: r.startAt.toISOString(),
    end: r.endAt.toISOString(),
    startDate: r.startDate,
    endDate: r.endDate,
  };
  return details ? { ...base, kind: r.kind, reason: r.reason } : base;
}

export async function addZoneChange(
  deps: Deps,
  actor: Actor,
  personId: string,
  body: { from: string; timeZone: string },
) {
  await getPerson(deps.db, actor.organisationId, personId);
  assertMayEditPerson(actor, personId);
  try {
    const [row] = await deps.db.transaction(async (tx) => {
      await workingTimeChangedForInsights(tx, deps, actor.organisationId, personId);
      return tx
        .insert(zoneChanges)
        .values({
          organisationId: actor.organisationId,
          personId,
          fromDate: body.from,
          timeZone: body.timeZone,
        })
        .returning();
    });
    if (!row) throw new Error("insert returned no row");
    return presentZoneChange(row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(`A zone change from ${body.from} exists already; delete it first`);
    throw err;
  }
}

export async function listZoneChanges(deps: Deps, actor: Actor, personId: string) {
  await getPerson(deps.db, actor.organisationId, personId);
  return (await listZoneChangeRows(deps, actor.organisationId, personId)).map(presentZoneChange);
}

export async function deleteZoneChange(deps: Deps, actor: Actor, personId: string, zoneChangeId: string) {
  await getPerson(deps.db, actor.organisationId, personId);
  assertMayEditPerson(actor, personId);
  await deps.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(zoneChanges)
      .where(
        and(
          eq(zoneChanges.organisationId, actor.organisationId),
          eq(zoneChanges.personId, personId),
          eq(zoneChanges.id, zoneChangeId),
        ),
      )
      .returning({ id: zoneChanges.id });
    if (deleted.length === 0) throw notFound("Zone change");
    await workingTimeChangedForInsights(tx, deps, actor.organisationId, personId);
  });
}

async function listZoneChangeRows(deps: Deps, organisationId: string, personId: string) {
  return deps.db
    .select()
    .from(zoneChanges)
    .where(and(eq(zoneChanges.organisationId, organisationId), eq(zoneChanges.personId, personId)))
    .orderBy(asc(zoneChanges.fromDate));
}

const presentZoneChange = (r: typeof zoneChanges.$inferSelect): ZoneChangeView => ({
  id: r.id,
  from: r.fromDate,
  timeZone: r.timeZone,
});

export const asZoneChange = (r: { fromDate: string; timeZone: string }): ZoneChange => ({
  from: r.fromDate,
  timeZone: r.timeZone,
});
