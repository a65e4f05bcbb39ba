import { and, desc, eq, inArray } from "drizzle-orm";
import { ERASURE_GRACE_DAYS, type ErasureBody, type ErasureView } from "../../../contracts/erasure";
import { outranks } from "../../../core/access";
import type { Deps } from "../../deps";
import { LOCKS, lockForTransaction } from "../../platform/db/lock";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, forbidden, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { people } from "../people/people.table";
import {
  assertNotLastOwner,
  carryOutPersonErasure,
  deleteFolders,
  type ErasureRow,
} from "./erasure.carry-out";
import { erasures } from "./erasure.table";

const DAY = 86_400_000;

export function presentErasure(row: ErasureRow): ErasureView {
  return {
    id: row.id,
    kind: row.kind,
    personId: row.personId,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    scheduledFor: row.scheduledFor.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * `POST /me/erasure` and `/people/:id/erasure`: the person themself, or HR and admins (who outrank
 * them), ask for the person's data to be erased in 30 days. `immediate` (admins, never for their own
 * data) carries it out now, in the same transaction. One erasure per person: 409 while one is
 * scheduled (an admin's `immediate` carries that one out instead) or after it is done; 409 for the
 * organisation's only owner.
 */
export async function requestPersonErasure(
  deps: Deps,
  actor: Actor,
  personId: string,
  body: ErasureBody,
  ip?: string,
): Promise<ErasureView> {
  const self = actor.personId === personId;
  authorize(actor, "person.requestErasure", { self });
  if (body.immediate) {
    if (self)
      throw forbidden(
        "Your own data is erased only after the 30-day grace period, so you can change your mind; ask an admin if it cannot wait",
      );
    authorize(actor, "erasure.immediate");
  }
  const { row, folders } = await deps.db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, role: people.role })
      .from(people)
      .where(and(eq(people.organisationId, actor.organisationId), eq(people.id, personId)));
    if (!person) throw notFound("Person");
    if (!self && !outranks(actor.role, person.role))
      throw forbidden(`Only someone who outranks this ${person.role} may ask for their data to be erased`);
    await assertNotLastOwner(tx, actor.organisationId, personId);
    const existing = await standing(tx, actor.organisationId, personId);
    if (existing?.status === "done") throw conflict("This person's data has already been erased");
    if (existing && !body.immediate)
      throw conflict(
        `An erasure of this person's data is already scheduled for ${dateOf(existing.scheduledFor)}; cancel it to ask again`,
      );
    const now = deps.clock.now();
    const scheduled =
      existing ??
      (await insertErasure(tx, {
        organisationId: actor.organisationId,
        kind: "person",
        personId,
        requestedBy: actor.personId,
        requestedAt: now,
        scheduledFor: body.immediate ? now : new Date(now.getTime() + ERASURE_GRACE_DAYS * DAY),
      }));
    if (!existing)
      await audit(tx, actor, scheduled, "erasure.requested", ip, { immediate: !!body.immediate });
    if (!body.immediate) return { row: scheduled, folders: [] };
    const done = await carryOutPersonErasure(tx, deps, scheduled, actor.personId);
    return { row: { ...scheduled, status: "done" as const, doneAt: now }, folders: done.folders };
  });
  await deleteFolders(deps, folders);
  return presentErasure(row);
}

/**
 * `POST /organisation/erasure` (owners): the organisation and everything in it is deleted after the
 * 30-day grace period, by the `carry-out-erasures` job. There is no `immediate` for an organisation.
 */
export async function requestOrganisationErasure(
  deps: Deps,
  actor: Actor,
  body: ErasureBody,
  ip?: string,
): Promise<ErasureView> {
  authorize(actor, "organisation.erase");
  if (body.immediate)
    throw forbidden(
      "An organisation is deleted only after the 30-day grace period, so it can still be cancelled",
    );
  return deps.db.transaction(async (tx) => {
    await lockForTransaction(tx, LOCKS.roles, actor.organisationId);
    const [existing] = await tx.select().from(erasures).where(organisationScheduled(actor.organisationId));
    if (existing)
      throw conflict(
        `The organisation is already scheduled to be deleted on ${dateOf(existing.scheduledFor)}; cancel it to ask again`,
      );
    const now = deps.clock.now();
    const row = await insertErasure(tx, {
      organisationId: actor.organisationId,
      kind: "organisation",
      personId: null,
      requestedBy: actor.personId,
      requestedAt: now,
      scheduledFor: new Date(now.getTime() + ERASURE_GRACE_DAYS * DAY),
    });
    await audit(tx, actor, row, "erasure.requested", ip, {});
    return presentErasure(row);
  });
}

/**
 * `DELETE /erasures/:id`: cancels a scheduled erasure during its grace period — a person's by the
 * person, whoever asked for it, HR or admins; an organisation's by its owners. 409 once carried out.
 */
export async function cancelErasure(deps: Deps, actor: Actor, id: string, ip?: string): Promise<ErasureView> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(erasures)
      .where(and(eq(erasures.organisationId, actor.organisationId), eq(erasures.id, id)))
      .for("update");
    if (!row) throw notFound("Erasure");
    if (row.kind === "organisation") authorize(actor, "organisation.erase");
    else
      authorize(actor, "erasure.cancel", {
        self: row.personId === actor.personId,
        authorOf: row.requestedBy === actor.personId,
      });
    if (row.status === "done")
      throw conflict("This erasure has already been carried out; it cannot be undone");
    if (row.status === "cancelled") throw conflict("This erasure has already been cancelled");
    const now = deps.clock.now();
    const [cancelled] = await tx
      .update(erasures)
      .set({ status: "cancelled", cancelledBy: actor.personId, cancelledAt: now })
      .where(eq(erasures.id, row.id))
      .returning();
    if (!cancelled) throw new AppError("not_found", "Erasure not found");
    await audit(tx, actor, cancelled, "erasure.cancelled", ip, {});
    return presentErasure(cancelled);
  });
}

/** `GET /me/erasure`, `/people/:id/erasure`: the person's scheduled or done erasure, if any. */
export async function personErasure(deps: Deps, actor: Actor, personId: string): Promise<ErasureView | null> {
  authorize(actor, "person.requestErasure", { self: actor.personId === personId });
  const [person] = await deps.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, actor.organisationId), eq(people.id, personId)));
  if (!person) throw notFound("Person");
  const row = await standing(deps.db, actor.organisationId, personId);
  return row ? presentErasure(row) : null;
}

/** `GET /organisation/erasure` (owners): the organisation's scheduled deletion, if any. */
export async function organisationErasure(deps: Deps, actor: Actor): Promise<ErasureView | null> {
  authorize(actor, "organisation.erase");
  const [row] = await deps.db.select().from(erasures).where(organisationScheduled(actor.organisationId));
  return row ? presentErasure(row) : null;
}

async function standing(db: Executor, organisationId: string, personId: string) {
  const [row] = await db
    .select()
    .from(erasures)
    .where(
      and(
        eq(erasures.organisationId, organisationId),
        eq(erasures.personId, personId),
        inArray(erasures.status, ["scheduled", "done"]),
      ),
    )
    .orderBy(desc(erasures.requestedAt))
    .limit(1);
  return row;
}

const organisationScheduled = (organisationId: string) =>
  and(
    eq(erasures.organisationId, organisationId),
    eq(erasures.kind, "organisation"),
    eq(erasures.status, "scheduled"),
  );

async function insertErasure(tx: Executor, values: typeof erasures.$inferInsert): Promise<ErasureRow> {
  const [row] = await tx.insert(erasures).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

function audit(
  tx: Executor,
  actor: Actor,
  row: ErasureRow,
  action: "erasure.requested" | "erasure.cancelled",
  ip: string | undefined,
  data: Record<string, unknown>,
) {
  return recordAudit(tx, {
    organisationId: row.organisationId,
    actorId: actor.personId,
    action,
    targetType: row.kind,
    targetId: row.personId ?? row.organisationId,
    data: { erasureId: row.id, scheduledFor: row.scheduledFor.toISOString(), ...data },
    ip,
  });
}
