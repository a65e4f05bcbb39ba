import { eq, sql } from "drizzle-orm";
import type { OrganisationView } from "../../../contracts/auth";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { organisations } from "./organisations.table";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function insertOrganisation(executor: Executor, values: { name: string; timeZone: string }) {
  const [row] = await executor.insert(organisations).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getOrganisation(executor: Executor, id: string) {
  const [row] = await executor.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound("Organisation");
  return row;
}

export async function countOrganisations(executor: Executor): Promise<number> {
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return row?.n ?? 0;
}

export function presentOrganisation(o: OrganisationRow): OrganisationView {
  return { id: o.id, name: o.name, timeZone: o.timeZone, createdAt: o.createdAt.toISOString() };
}
