import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { inconvenienceLedger, rotationAttendees, rotationOccurrences, rotations } from "./scheduling.table";

export type LedgerRow = typeof inconvenienceLedger.$inferInsert;
type Kind = LedgerRow["kind"];

/** Points per person on the ledger since `since` (scheduled ones ahead included); missing → 0. */
export async function burdenOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  const result = new Map(personIds.map((id) => [id, 0]));
  if (personIds.length === 0) return result;
  const rows = await executor
    .select({
      personId: inconvenienceLedger.personId,
      points: sql<string>`sum(${inconvenienceLedger.points})`,
    })
    .from(inconvenienceLedger)
    .where(
      and(
        eq(inconvenienceLedger.organisationId, organisationId),
        inArray(inconvenienceLedger.personId, [...personIds]),
        gte(inconvenienceLedger.occurredAt, since),
      ),
    )
    .groupBy(inconvenienceLedger.personId);
  for (const row of rows) result.set(row.personId, Number(row.points));
  return result;
}

export interface NewRotation {
  organisationId: string;
  name: string | null;
  durationMinutes: number;
  createdBy: string;
  attendeeIds: string[];
  occurrences: { start: Date; end: Date }[];
  ledger: Omit<LedgerRow, "organisationId" | "source" | "sourceId">[];
}

/** The rotation, its attendees, occurrences and ledger rows; call inside a transaction. */
export async function insertRotation(tx: Executor, rotation: NewRotation): Promise<string> {
  const { organisationId } = rotation;
  const [row] = await tx
    .insert(rotations)
    .values({
      organisationId,
      name: rotation.name,
      durationMinutes: rotation.durationMinutes,
      cadence: "weekly",
      createdBy: rotation.createdBy,
    })
    .returning({ id: rotations.id });
  const rotationId = (row as { id: string }).id;
  await tx
    .insert(rotationAttendees)
    .values(rotation.attendeeIds.map((personId) => ({ rotationId, organisationId, personId })));
  await tx
    .insert(rotationOccurrences)
    .values(rotation.occurrences.map((o) => ({ rotationId, organisationId, ...o })));
  if (rotation.ledger.length > 0) {
    await tx.insert(inconvenienceLedger).values(
      rotation.ledger.map((entry) => ({
        ...entry,
        organisationId,
        source: "rotation" as const,
        sourceId: rotationId,
      })),
    );
  }
  return rotationId;
}

/** Saved rotations of the organisation, newest first, with attendees and occurrences (three queries). */
export async function rotationRows(executor: Executor, organisationId: string, limit: number) {
  const list = await executor
    .select()
    .from(rotations)
    .where(eq(rotations.organisationId, organisationId))
    .orderBy(desc(rotations.createdAt), desc(rotations.id))
    .limit(limit);
  const ids = list.map((r) => r.id);
  if (ids.length === 0) return { list, attendees: [], occurrences: [] };
  const scope = (table: typeof rotationAttendees | typeof rotationOccurrences) =>
    and(eq(table.organisationId, organisationId), inArray(table.rotationId, ids));
  const [attendees, occurrences] = await Promise.all([
    executor.select().from(rotationAttendees).where(scope(rotationAttendees)),
    executor
      .select()
      .from(rotationOccurrences)
      .where(scope(rotationOccurrences))
      .orderBy(asc(rotationOccurrences.start)),
  ]);
  return { list, attendees, occurrences };
}

/** The people a ledger covers: a team's members (teamId given), else everyone with an entry. */
export async function ledgerPeople(executor: Executor, organisationId: string, teamId: string | undefined) {
  const columns = { id: people.id, name: people.name, timeZone: people.timeZone };
  if (teamId) {
    return executor
      .select(columns)
      .from(teamMembers)
      .innerJoin(people, eq(people.id, teamMembers.personId))
      .where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.teamId, teamId)))
      .orderBy(asc(people.name));
  }
  return executor
    .selectDistinct(columns)
    .from(inconvenienceLedger)
    .innerJoin(people, eq(people.id, inconvenienceLedger.personId))
    .where(eq(inconvenienceLedger.organisationId, organisationId))
    .orderBy(asc(people.name));
}

/** Per person and kind: entry count, all points, and points since `recentSince`. */
export async function ledgerTotals(
  executor: Executor,
  organisationId: string,
  personIds: string[],
  recentSince: Date,
) {
  if (personIds.length === 0) return [];
  const l = inconvenienceLedger;
  const rows = await executor
    .select({
      personId: l.personId,
      kind: l.kind,
      count: sql<string>`count(*)`,
      points: sql<string>`sum(${l.points})`,
      recentPoints: sql<string>`coalesce(sum(${l.points}) filter (where ${l.occurredAt} >= ${recentSince.toISOString()}), 0)`,
    })
    .from(l)
    .where(and(eq(l.organisationId, organisationId), inArray(l.personId, personIds)))
    .groupBy(l.personId, l.kind);
  return rows.map((r) => ({
    personId: r.personId,
    kind: r.kind as Kind,
    count: Number(r.count),
    points: Number(r.points),
    recentPoints: Number(r.recentPoints),
  }));
}

/** The latest `perPerson` entries of each person, newest first. */
export async function latestEntries(
  executor: Executor,
  organisationId: string,
  personIds: string[],
  perPerson: number,
) {
  if (personIds.length === 0) return [];
  const l = inconvenienceLedger;
  const ranked = executor
    .select({
      personId: l.personId,
      source: l.source,
      sourceId: l.sourceId,
      occurredAt: l.occurredAt,
      kind: l.kind,
      points: l.points,
      rank: sql<number>`row_number() over (partition by ${l.personId} order by ${l.occurredAt} desc, ${l.id})`.as(
        "rank",
      ),
    })
    .from(l)
    .where(and(eq(l.organisationId, organisationId), inArray(l.personId, personIds)))
    .as("ranked");
  return executor
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perPerson}`)
    .orderBy(asc(ranked.personId), desc(ranked.occurredAt));
}

/**
 * Deletes a rotation (attendees and occurrences cascade) and its ledger rows; call inside a transaction.
 * False when it was already gone.
 */
export async function deleteRotationRows(
  tx: Executor,
  organisationId: string,
  rotationId: string,
): Promise<boolean> {
  await tx
    .delete(inconvenienceLedger)
    .where(
      and(
        eq(inconvenienceLedger.organisationId, organisationId),
        eq(inconvenienceLedger.source, "rotation"),
        eq(inconvenienceLedger.sourceId, rotationId),
      ),
    );
  const deleted = await tx
    .delete(rotations)
    .where(and(eq(rotations.organisationId, organisationId), eq(rotations.id, rotationId)))
    .returning({ id: rotations.id });
  return deleted.length > 0;
}

export async function findRotation(executor: Executor, organisationId: string, rotationId: string) {
  const [row] = await executor
    .select()
    .from(rotations)
    .where(and(eq(rotations.organisationId, organisationId), eq(rotations.id, rotationId)));
  return row ?? null;
}
