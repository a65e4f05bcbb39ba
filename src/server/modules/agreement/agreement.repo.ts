import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { teamMembers, teams } from "../teams/teams.table";
import { agreementAcknowledgements, agreementVersions, teamAgreementVersions } from "./agreement.table";

export type AgreementRow = typeof agreementVersions.$inferSelect;

export async function currentOrgVersion(executor: Executor, organisationId: string): Promise<AgreementRow> {
  const [row] = await executor
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.organisationId, organisationId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  if (!row) throw notFound("Agreement");
  return row;
}

export async function orgVersion(executor: Executor, organisationId: string, version: number) {
  const [row] = await executor
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.organisationId, organisationId), eq(agreementVersions.version, version)));
  return row ?? null;
}

export async function listOrgVersions(executor: Executor, organisationId: string) {
  return executor
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.organisationId, organisationId))
    .orderBy(desc(agreementVersions.version));
}

export async function currentTeamVersion(executor: Executor, organisationId: string, teamId: string) {
  const [row] = await executor
    .select()
    .from(teamAgreementVersions)
    .where(
      and(eq(teamAgreementVersions.organisationId, organisationId), eq(teamAgreementVersions.teamId, teamId)),
    )
    .orderBy(desc(teamAgreementVersions.teamVersion))
    .limit(1);
  return row ?? null;
}

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

/** Each person's latest acknowledgement of the given org version, if any. */
export async function acknowledgementsOf(executor: Executor, organisationId: string, version: number) {
  return executor
    .select()
    .from(agreementAcknowledgements)
    .where(
      and(
        eq(agreementAcknowledgements.organisationId, organisationId),
        eq(agreementAcknowledgements.version, version),
      ),
    )
    .orderBy(desc(agreementAcknowledgements.acknowledgedAt));
}

/** The person's most recent acknowledgement: of the highest org version, the latest row. */
export async function latestAcknowledgementOf(executor: Executor, organisationId: string, personId: string) {
  const [row] = await executor
    .select()
    .from(agreementAcknowledgements)
    .where(
      and(
        eq(agreementAcknowledgements.organisationId, organisationId),
        eq(agreementAcknowledgements.personId, personId),
      ),
    )
    .orderBy(desc(agreementAcknowledgements.version), desc(agreementAcknowledgements.acknowledgedAt))
    .limit(1);
  return row ?? null;
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
