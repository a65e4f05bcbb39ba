import { and, eq, or, sql } from "drizzle-orm";
import { updateChanged } from "../../../contracts/events";
import { type Action, may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { updates } from "./updates.table";
import { visibleTo } from "./updates.visibility";

export type UpdateRow = typeof updates.$inferSelect;

/** An update the actor may see, with the relationships the access map asks about. */
export interface UpdateAccess {
  update: UpdateRow;
  facts: { authorOf: boolean; recipientOf: boolean; leadOf: boolean };
}

/**
 * Loads an update of the actor's organisation that the actor may see (author or recipient), else
 * 404 "Update not found" — for admins too: an update to named people is their conversation. With
 * `action`, also 403 unless the actor may do it. `forUpdate` locks the row for the transaction.
 */
export async function updateFor(
  db: Executor,
  actor: Actor,
  updateId: string,
  action?: Action,
  options: { forUpdate?: boolean } = {},
): Promise<UpdateAccess> {
  const query = db
    .select({ update: updates, recipientOf: visibleTo(actor.personId) })
    .from(updates)
    .where(and(eq(updates.id, updateId), eq(updates.organisationId, actor.organisationId)));
  const [row] = options.forUpdate ? await query.for("update", { of: updates }) : await query;
  if (!row) throw notFound("Update");
  const facts = {
    authorOf: row.update.authorId === actor.personId,
    recipientOf: Boolean(row.recipientOf),
    leadOf: await isLeadFor(db, actor, row.update),
  };
  if (!may(actor, "update.read", facts)) throw notFound("Update");
  if (action) authorize(actor, action, facts as never);
  return { update: row.update, facts };
}

/** A lead of the team it is addressed to, or of a team its author belongs to. */
async function isLeadFor(db: Executor, actor: Actor, update: UpdateRow): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
        or(
          update.audienceTeamId ? eq(teamMembers.teamId, update.audienceTeamId) : undefined,
          sql`${teamMembers.teamId} in (select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.personId} = ${update.authorId})`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Everyone an update is addressed to, author included: active people of the organisation, of
 * the team, named, or required responders. For notifications and live events.
 */
export async function recipientsOf(db: Executor, update: UpdateRow): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(updates, eq(updates.id, update.id))
    .where(
      and(
        eq(people.organisationId, update.organisationId),
        eq(people.active, true),
        visibleTo(sql`${people.id}`),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Tells the update's people that it changed (live event, last in the transaction). An update to the
 * whole organisation goes to the organisation's audience rather than a list of every person in it.
 */
export async function publishUpdateChanged(tx: Executor, deps: Pick<Deps, "events">, update: UpdateRow) {
  const personIds = update.audienceOrganisation ? undefined : await recipientsOf(tx, update);
  await deps.events.publish(tx, updateChanged(update.organisationId, update.id, personIds));
}
