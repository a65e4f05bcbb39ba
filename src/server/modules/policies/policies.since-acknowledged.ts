import { and, desc, eq } from "drizzle-orm";
import { diffLines, type LineChange } from "../../../core/agreement";
import type { Executor } from "../../platform/db/types";
import { policyAcknowledgements, policyVersions } from "./policies.table";

type VersionRow = typeof policyVersions.$inferSelect;

/** What a person has not acknowledged yet of a policy: the lines changed since the version they last did. */
export interface PolicyChanges {
  /** The version they last acknowledged; null when they never did (they read the whole policy). */
  sinceVersion: number | null;
  lines: LineChange[];
}

/** Null when the person has acknowledged the current version. */
export async function policyChangesSinceAcknowledged(
  executor: Executor,
  organisationId: string,
  personId: string,
  current: VersionRow,
): Promise<PolicyChanges | null> {
  const [last] = await executor
    .select({ body: policyVersions.body, version: policyVersions.version })
    .from(policyAcknowledgements)
    .innerJoin(
      policyVersions,
      and(
        eq(policyVersions.policyId, policyAcknowledgements.policyId),
        eq(policyVersions.version, policyAcknowledgements.version),
      ),
    )
    .where(
      and(
        eq(policyAcknowledgements.organisationId, organisationId),
        eq(policyAcknowledgements.policyId, current.policyId),
        eq(policyAcknowledgements.personId, personId),
      ),
    )
    .orderBy(desc(policyAcknowledgements.version))
    .limit(1);
  if (!last) return { sinceVersion: null, lines: [] };
  if (last.version === current.version) return null;
  return { sinceVersion: last.version, lines: diffLines(last.body, current.body) };
}
