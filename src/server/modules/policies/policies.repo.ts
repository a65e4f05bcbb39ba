import type { Executor } from "../../platform/db/types";
import { type AcknowledgedDocument, requireLatest } from "../versioning";
import { policyAcknowledgements, policyVersions } from "./policies.table";

export type VersionRow = typeof policyVersions.$inferSelect;

/** Policies as the versioning module sees them: many per organisation, each acknowledged on its own. */
export const policyDocument = {
  versions: {
    table: policyVersions,
    organisationId: "organisationId",
    documentId: "policyId",
    version: "version",
    name: "Policy",
    what: "this policy",
  },
  acknowledgements: {
    table: policyAcknowledgements,
    organisationId: "organisationId",
    documentId: "policyId",
    personId: "personId",
    version: "version",
    acknowledgedAt: "acknowledgedAt",
  },
} satisfies AcknowledgedDocument<typeof policyVersions, typeof policyAcknowledgements>;

/** The policy's latest version; 404 when there is no such policy in the organisation. */
export const latestPolicyVersion = (
  executor: Executor,
  organisationId: string,
  policyId: string,
): Promise<VersionRow> =>
  requireLatest(executor, policyDocument.versions, { organisationId, documentId: policyId });
