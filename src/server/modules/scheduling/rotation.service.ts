import { insightsChangedJob } from "../../../contracts/insights";
import type { RotationBody, RotationPlanView, RotationView } from "../../../contracts/scheduling";
import { INCONVENIENCE_WEIGHTS, planRotation, type RotationPlan } from "../../../core/scheduling";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { workingTimeOf } from "../people";
import { burdenOf, deleteRotationRows, findRotation, insertRotation, rotationRows } from "./scheduling.repo";
import { BURDEN_LOOKBACK_MS, iso } from "./slots.service";

const WEEK_MS = 7 * DAY_MS;
const LISTED_ROTATIONS = 100;

/**
 * POST /scheduling/rotation: weekly times that share out early, late and outside-hours slots, evening
 * out what each person already carries on the ledger. With `save`, the rotation, its occurrences and its
 * ledger rows are written in one transaction.
 */
export async function planRotationFor(
  deps: Deps,
  actor: Actor,
  body: RotationBody,
): Promise<RotationPlanView> {
  const { organisationId } = actor;
  const from = Date.parse(body.from);
  const ids = body.attendees.map((a) => a.personId);
  // Week k's candidates start within 25 hours of from + k weeks and last at most 8 hours.
  const window = { start: from, end: from + body.occurrences * WEEK_MS };
  const working = await workingTimeOf(deps.db, organisationId, ids, window);
  const burden = await burdenOf(deps.db, organisationId, ids, new Date(from - BURDEN_LOOKBACK_MS));
  const plan = planRotation({
    attendees: working.map((w) => ({ ...w, burden: burden.get(w.personId) ?? 0 })),
    durationMinutes: body.durationMinutes,
    occurrences: body.occurrences,
    cadence: body.cadence,
    from,
  });
  const view = presentPlan(plan);
  if (!body.save) return view;
  const ends = plan.occurrences.map((o) => o.end);
  const span = { from: iso(from), to: iso(Math.max(from + 1, ...ends)) };
  const rotationId = await deps.db.transaction(async (tx) => {
    await deps.jobs.send(tx, insightsChangedJob, { organisationId, personIds: ids, ...span });
    return insertRotation(tx, {
      organisationId,
      name: body.name ?? null,
      durationMinutes: body.durationMinutes,
      createdBy: actor.personId,
      attendeeIds: ids,
      occurrences: plan.occurrences.map((o) => ({ start: new Date(o.start), end: new Date(o.end) })),
      ledger: plan.occurrences.flatMap((o) =>
        o.burden.map(({ personId, kind }) => ({
          personId,
          kind,
          occurredAt: new Date(o.start),
          points: INCONVENIENCE_WEIGHTS[kind],
        })),
      ),
    });
  });
  return { ...view, rotationId };
}

function presentPlan(plan: RotationPlan): RotationPlanView {
  return {
    occurrences: plan.occurrences.map((o) => ({ start: iso(o.start), end: iso(o.end), burden: o.burden })),
    burdenByPerson: plan.burdenByPerson,
  };
}

/** GET /scheduling/rotations: the organisation's saved rotations, newest first (at most 100). */
export async function listRotations(deps: Deps, actor: Actor): Promise<RotationView[]> {
  const { list, attendees, occurrences } = await rotationRows(
    deps.db,
    actor.organisationId,
    LISTED_ROTATIONS,
  );
  return list.map((r) => ({
    id: r.id,
    name: r.name,
    durationMinutes: r.durationMinutes,
    cadence: r.cadence,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    attendeeIds: attendees.filter((a) => a.rotationId === r.id).map((a) => a.personId),
    occurrences: occurrences
      .filter((o) => o.rotationId === r.id)
      .map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
  }));
}

/** Deletes a saved rotation and takes its occurrences off the ledger: its creator, or an admin. */
export async function deleteRotation(deps: Deps, actor: Actor, rotationId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const rotation = await findRotation(tx, actor.organisationId, rotationId);
    if (!rotation) throw notFound("Rotation");
    authorize(actor, "rotation.delete", { authorOf: rotation.createdBy === actor.personId });
    await deleteRotationRows(tx, actor.organisationId, rotationId);
  });
}
