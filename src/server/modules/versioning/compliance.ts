import { and, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";

/** People invited to the organisation who have not joined yet: listed as pending, marked as invited. */
export async function invitedPersonIds(executor: Executor, organisationId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.active, false)));
  return rows.map((r) => r.id);
}

/**
 * Who acknowledged a version (and when) and who is still pending, for every acknowledged document.
 * Invited people who have not joined yet are pending too, with `status: "invited"`.
 */
export function complianceView(
  version: number,
  everyone: string[],
  acknowledged: Map<string, Date>,
  invited: string[],
) {
  const current = new Set(everyone);
  return {
    version,
    acknowledged: [...acknowledged]
      .filter(([personId]) => current.has(personId))
      .map(([personId, at]) => ({ personId, at: at.toISOString() })),
    pending: [
      ...everyone
        .filter((id) => !acknowledged.has(id))
        .map((personId) => ({ personId, status: "active" as const })),
      ...invited.map((personId) => ({ personId, status: "invited" as const })),
    ],
  };
}
