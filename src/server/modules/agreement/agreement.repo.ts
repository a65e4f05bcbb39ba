import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { teamMembers, teams } from "../teams/teams.table";
import {
  type AcknowledgedDocument,
  latestVersion,
  listVersions,
  requireLatest,
  type VersionTable,
  versionOf,
} from "../versioning";
import { agreementAcknowledgements, agreementVersions, teamAgreementVersions } from "./agreement.table";

export type AgreementRow = typeof agreementVersions.$inferSelect;

/**
 * The organisation's agreement as the versioning module sees it: one per organisation, acknowledged
 * together with the current override of each of the person's teams (its parts).
 */
export const orgAgreement = {
  versions: {
    table: agreementVersions,
    organisationId: "organisationId",
    version: "version",
    name: "Agreement",
    what: "the agreement",
  },
  acknowledgements: {
    table: agreementAcknowledgements,
    organisationId: "organisationId",
    personId: "personId",
    version: "version",
    acknowledgedAt: "acknowledgedAt",
    parts: "teamVersions",
  },
  partsOf: teamVersionsOf,
} satisfies AcknowledgedDocument<typeof agreementVersions, typeof agreementAcknowledgements>;

/** Each team's overrides, versioned on their own (acknowledged as parts of the org agreement). */
export const teamOverrides = {
  table: teamAgreementVersions,
  organisationId: "organisationId",
  documentId: "teamId",
  version: "teamVersion",
  name: "Team agreement",
  what: "the team agreement",
} satisfies VersionTable<typeof teamAgreementVersions>;

export const currentOrgVersion = (executor: Executor, organisationId: string): Promise<AgreementRow> =>
  requireLatest(executor, orgAgreement.versions, { organisationId });

export const orgVersion = (executor: Executor, organisationId: string, version: number) =>
  versionOf(executor, orgAgreement.versions, { organisationId }, version);

export const listOrgVersions = (executor: Executor, organisationId: string) =>
  listVersions(executor, orgAgreement.versions, { organisationId });

export const currentTeamVersion = (executor: Executor, organisationId: string, teamId: string) =>
  latestVersion(executor, teamOverrides, { organisationId, documentId: teamId });

/** The current override version of each team the person belongs to that has one: teamId → version. */
export async function teamVersionsOf(executor: Executor, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, Record<string, number>>();
  const rows = await executor
    .select({
      personId: teamMembers.personId,
      teamId: teamAgreementVersions.teamId,
      version: sql<number>`max(${teamAgreementVersions.teamVersion})::int`,
    })
    .from(teamMembers)
    .innerJoin(teamAgreementVersions, eq(teamAgreementVersions.teamId, teamMembers.teamId))
    .where(and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.personId, personIds)))
    .groupBy(teamMembers.personId, teamAgreementVersions.teamId);
  const byPerson = new Map<string, Record<string, number>>();
  for (const r of rows) byPerson.set(r.personId, { ...byPerson.get(r.personId), [r.teamId]: r.version });
  return byPerson;
}

/** One version of a team's override with the team's name, or null. */
export async function teamVersion(
  executor: Executor,
  organisationId: string,
  teamId: string,
  version: number,
) {
  const [row] = await executor
    .select({ rules: teamAgreementVersions.rules, teamName: teams.name })
    .from(teamAgreementVersions)
    .innerJoin(teams, eq(teams.id, teamAgreementVersions.teamId))
    .where(
      and(
        eq(teamAgreementVersions.organisationId, organisationId),
        eq(teamAgreementVersions.teamId, teamId),
        eq(teamAgreementVersions.teamVersion, version),
      ),
    );
  return row ?? null;
}
