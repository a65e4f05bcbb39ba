import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { demoSignIns } from "./demo.table";

export async function rememberDemoSignIn(
  executor: Executor,
  values: { organisationId: string; personId: string; password: string; passwordHash: string },
): Promise<void> {
  await executor.insert(demoSignIns).values(values);
}

/**
 * The demo owner's email and password while the demo organisation exists and the owner still has
 * the password it was seeded with (deleting the organisation or the owner removes the row).
 */
export async function findDemoSignIn(
  executor: Executor,
): Promise<{ email: string; password: string } | null> {
  const [row] = await executor
    .select({ email: people.email, password: demoSignIns.password })
    .from(demoSignIns)
    .innerJoin(
      people,
      and(
        eq(people.id, demoSignIns.personId),
        eq(people.organisationId, demoSignIns.organisationId),
        eq(people.passwordHash, demoSignIns.passwordHash),
        eq(people.active, true),
      ),
    )
    .orderBy(desc(demoSignIns.createdAt))
    .limit(1);
  return row ?? null;
}
