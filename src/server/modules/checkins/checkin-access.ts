import { and, eq, inArray, or, sql } from "drizzle-orm";
import { type Action, may } from "../../../core/access";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { type checkinOccurrences, checkinParticipants, checkins } from "./checkins.table";

export type CheckinRow = typeof checkins.$inferSelect;
export type OccurrenceRow = typeof checkinOccurrences.$inferSelect;

/** A ritual the actor may see, with the relationships the access map asks about. */
export interface CheckinAccess {
  checkin: CheckinRow;
  facts: {
    /** A lead of the ritual's team. */
    leadOf: boolean;
    /** Its owner (who created it). */
    authorOf: boolean;
    /** A participant now: a member of its team or named. */
    recipientOf: boolean;
  };
}

/**
 * The one door to a ritual: loads one of the actor's organisation that the actor may see (a
 * participant, a lead of its team, its owner, or an admin), else 404 "Check-in not found". With
 * `action`, also 403 unless the access map lets the actor do it. `forUpdate` locks the row.
 */
export async function checkinFor(
  db: Executor,
  actor: Actor,
  checkinId: string,
  action?: Action,
  options: { forUpdate?: boolean } = {},
): Promise<CheckinAccess> {
  const query = db
    .select()
    .from(checkins)
    .where(and(eq(checkins.id, checkinId), eq(checkins.organisationId, actor.organisationId)));
  const [checkin] = options.forUpdate ? await query.for("update") : await query;
  if (!checkin) throw notFound("Check-in");
  const [leadOf, recipientOf] = await Promise.all([
    checkin.teamId ? isLeadOf(db, actor, checkin.teamId) : false,
    isParticipant(db, checkin, actor.personId),
  ]);
  const facts = { leadOf, authorOf: checkin.ownerId === actor.personId, recipientOf };
  if (!may(actor, "checkin.read", facts)) throw notFound("Check-in");
  if (action) authorize(actor, action, facts as never);
  return { checkin, facts };
}

export async function isLeadOf(db: Executor, actor: Actor, teamId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
      ),
    );
  return Boolean(row);
}

async function isParticipant(db: Executor, checkin: CheckinRow, personId: string): Promise<boolean> {
  const ids = await participantIdsOf(db, checkin, [personId]);
  return ids.length > 0;
}

/**
 * Who a ritual is delivered to now: the active members of its team and its named active people
 * (each once). `among` narrows the answer to those ids (to ask about one person cheaply).
 */
export async function participantIdsOf(
  db: Executor,
  checkin: Pick<CheckinRow, "id" | "organisationId" | "teamId">,
  among?: readonly string[],
): Promise<string[]> {
  const named = db
    .select({ personId: checkinParticipants.personId })
    .from(checkinParticipants)
    .where(eq(checkinParticipants.checkinId, checkin.id));
  const members = checkin.teamId
    ? db
        .select({ personId: teamMembers.personId })
        .from(teamMembers)
        .where(eq(teamMembers.teamId, checkin.teamId))
    : null;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, checkin.organisationId),
        eq(people.active, true),
        among ? inArray(people.id, [...among]) : undefined,
        or(inArray(people.id, named), members ? inArray(people.id, members) : undefined),
      ),
    )
    .orderBy(people.name);
  return rows.map((row) => row.id);
}
