import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { people } from "./people.table";

export type NewPerson = typeof people.$inferInsert;

export async function insertPerson(executor: Executor, values: NewPerson) {
  const [row] = await executor.insert(people).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
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

/** Sign-in looks across organisations: the candidates that can sign in with this email. */
export async function findSignInCandidates(executor: Executor, email: string) {
  return executor
    .select()
    .from(people)
    .where(
      and(eq(people.email, email.toLowerCase()), isNotNull(people.passwordHash), eq(people.active, true)),
    );
}
