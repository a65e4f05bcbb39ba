import { and, asc, eq, gt, ilike, inArray, isNotNull, or, sql } from "drizzle-orm";
import { isUniqueViolation } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { conflict, invalid, notFound } from "../../platform/errors";
import { apiTokens, sessions } from "../auth/auth.table";
import { teamMembers } from "../teams/teams.table";
import { people } from "./people.table";

export type NewPerson = typeof people.$inferInsert;
export type PersonRow = typeof people.$inferSelect;

const emailTaken = () => conflict("Someone in this organisation already has that email", { field: "email" });

export async function insertPerson(executor: Executor, values: NewPerson): Promise<PersonRow> {
  try {
    const [row] = await executor.insert(people).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function updatePersonRow(
  executor: Executor,
  organisationId: string,
  id: string,
  values: Partial<NewPerson>,
) {
  try {
    const [row] = await executor
      .update(people)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(people.organisationId, organisationId), eq(people.id, id)))
      .returning();
    if (!row) throw notFound("Person");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function assertEmailAvailable(
  executor: Executor,
  organisationId: string,
  email: string,
): Promise<void> {
  const [row] = await executor
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.email, email.toLowerCase())));
  if (row) throw emailTaken();
}

/** Scoped by organisation: a person of another organisation is "not found", like a missing one. */
export async function findPerson(executor: Executor, organisationId: string, personId: string) {
  const [row] = await executor
    .select()
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return row ?? null;
}

export async function getPerson(executor: Executor, organisationId: string, personId: string) {
  const row = await findPerson(executor, organisationId, personId);
  if (!row) throw notFound("Person");
  return row;
}

export interface NamedPerson {
  id: string;
  name: string;
  timeZone: string;
}

/**
 * The active people of the organisation among `ids` (one query), else 400 naming `field`: someone of
 * another organisation is simply "no such person" here (an update's audience and responders, a
 * document's audience).
 */
export async function activePeopleOf(
  db: Executor,
  organisationId: string,
  ids: readonly string[],
  field: string,
): Promise<Map<string, NamedPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name, timeZone: people.timeZone })
    .from(people)
    .where(
      and(eq(people.organisationId, organisationId), eq(people.active, true), inArray(people.id, [...ids])),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id))) throw invalid(field, "no such person in your organisation");
  return byId;
}

/** A person's name for a notice or a history ("Someone" should they be gone). */
export async function nameOf(db: Executor, organisationId: string, personId: string): Promise<string> {
  const [person] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return person?.name ?? "Someone";
}

/** Ids of the organisation's active people (only `personId`'s, if given and active): who must acknowledge. */
export async function activePersonIds(executor: Executor, organisationId: string, personId?: string) {
  const rows = await executor
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        personId ? eq(people.id, personId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

export async function countOwners(executor: Executor, organisationId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.role, "owner")));
  return row?.n ?? 0;
}

/** Sign-in looks across organisations: the candidates that can sign in with this email. */
export async function findSignInCandidates(executor: Executor, email: string) {
  return executor
    .select()
    .from(people)
    .where(
      and(eq(people.email, email.toLowerCase()), isNotNull(people.passwordHash), eq(people.active, true)),
    );
}

/** Ends every browser session and revokes every API token of a person; returns how many of each. */
export async function endSignIns(executor: Executor, organisationId: string, personId: string) {
  const ended = await executor
    .delete(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.personId, personId)))
    .returning({ id: sessions.tokenHash });
  const revoked = await executor
    .delete(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.personId, personId)))
    .returning({ id: apiTokens.id });
  return { sessionsEnded: ended.length, tokensRevoked: revoked.length };
}

export interface PeopleQuery {
  q?: string | undefined;
  teamId?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** A page of the directory ordered by name, then id (keyset pagination). */
export async function listPeopleRows(executor: Executor, organisationId: string, query: PeopleQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const sortName = sql`lower(${people.name})`;
  return executor
    .select()
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        pattern ? or(ilike(people.name, pattern), ilike(people.email, pattern)) : undefined,
        query.teamId
          ? inArray(
              people.id,
              executor
                .select({ id: teamMembers.personId })
                .from(teamMembers)
                .where(
                  and(eq(teamMembers.teamId, query.teamId), eq(teamMembers.organisationId, organisationId)),
                ),
            )
          : undefined,
        query.after
          ? or(
              gt(sortName, query.after.name.toLowerCase()),
              and(eq(sortName, query.after.name.toLowerCase()), gt(people.id, query.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(sortName), asc(people.id))
    .limit(query.limit + 1);
}
