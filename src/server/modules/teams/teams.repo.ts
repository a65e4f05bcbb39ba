import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { AppError, invalid, notFound } from "../../platform/errors";
import { people } from "../people/people.table";
import { teamMembers, teams } from "./teams.table";

export type TeamRow = typeof teams.$inferSelect;
export type MemberInput = { personId: string; role: "lead" | "member" };

export async function getTeamRow(executor: Executor, organisationId: string, id: string): Promise<TeamRow> {
  const [row] = await executor
    .select()
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(teams.id, id)));
  if (!row) throw notFound("Team");
  return row;
}

/** 400 naming `field` unless the team is one of the organisation's (an update's or a document's audience). */
export async function assertTeamOf(
  executor: Executor,
  organisationId: string,
  teamId: string,
  field: string,
) {
  await getTeamRow(executor, organisationId, teamId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found")
      throw invalid(field, "no such team in your organisation");
    throw err;
  });
}

/** Names of the organisation's teams among `ids` (one query; none asked, none read). */
export async function teamNamesOf(executor: Executor, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...ids])));
}

export async function membersOf(executor: Executor, organisationId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return executor
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.teamId, teamIds)));
}

export async function listTeamRows(executor: Executor, organisationId: string) {
  return executor
    .select()
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.name));
}

/** Every id must be a person of this organisation; the first that is not is named in the 400. */
export async function assertPeopleInOrganisation(
  executor: Executor,
  organisationId: string,
  personIds: string[],
  field: (index: number) => string,
): Promise<void> {
  if (personIds.length === 0) return;
  const found = await executor
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, personIds)));
  const known = new Set(found.map((f) => f.id));
  const missing = personIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalid(field(missing), "is not a person in this organisation");
}

/** Replaces a team's members in one statement pair (inside the caller's transaction). */
export async function replaceMembers(
  executor: Executor,
  organisationId: string,
  teamId: string,
  members: MemberInput[],
) {
  await executor
    .delete(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.teamId, teamId)));
  if (members.length > 0) {
    await executor.insert(teamMembers).values(members.map((m) => ({ ...m, teamId, organisationId })));
  }
}

/** Puts a person in exactly these teams (as member, keeping lead where they already lead). */
export async function setPersonTeams(
  executor: Executor,
  organisationId: string,
  personId: string,
  teamIds: string[],
) {
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    const found = await executor
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, unique)));
    const known = new Set(found.map((f) => f.id));
    const missing = teamIds.findIndex((id) => !known.has(id));
    if (missing >= 0) throw invalid(`teamIds[${missing}]`, "is not a team in this organisation");
  }
  const current = await executor
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.personId, personId)));
  const leads = new Set(current.filter((m) => m.role === "lead").map((m) => m.teamId));
  await executor
    .delete(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), eq(teamMembers.personId, personId)));
  if (unique.length > 0) {
    await executor.insert(teamMembers).values(
      unique.map((teamId) => ({
        teamId,
        personId,
        organisationId,
        role: leads.has(teamId) ? ("lead" as const) : ("member" as const),
      })),
    );
  }
}
