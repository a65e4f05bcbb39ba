import { and, eq } from "drizzle-orm";
import type { TeamView } from "../../../contracts/teams";
import { type Action, may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import {
  assertPeopleInOrganisation,
  getTeamRow,
  listTeamRows,
  type MemberInput,
  membersOf,
  replaceMembers,
  type TeamRow,
} from "./teams.repo";
import { teamMembers, teams } from "./teams.table";

function present(team: TeamRow, members: { personId: string; role: "lead" | "member" }[]): TeamView {
  return {
    id: team.id,
    name: team.name,
    createdAt: team.createdAt.toISOString(),
    members: members.map((m) => ({ personId: m.personId, role: m.role })),
  };
}

export async function listTeams(deps: Deps, actor: Actor): Promise<TeamView[]> {
  const rows = await listTeamRows(deps.db, actor.organisationId);
  const members = await membersOf(
    deps.db,
    actor.organisationId,
    rows.map((t) => t.id),
  );
  return rows.map((t) =>
    present(
      t,
      members.filter((m) => m.teamId === t.id),
    ),
  );
}

export async function getTeam(deps: Deps, actor: Actor, id: string): Promise<TeamView> {
  const team = await getTeamRow(deps.db, actor.organisationId, id);
  return present(team, await membersOf(deps.db, actor.organisationId, [id]));
}

/** admin, hr and managers create teams; a manager who creates one becomes its lead. */
export async function createTeam(deps: Deps, actor: Actor, name: string): Promise<TeamView> {
  authorize(actor, "teams.create");
  return deps.db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ organisationId: actor.organisationId, name }).returning();
    if (!team) throw new Error("insert returned no row");
    const members: MemberInput[] =
      actor.role === "manager" ? [{ personId: actor.personId, role: "lead" }] : [];
    await replaceMembers(tx, actor.organisationId, team.id, members);
    return present(team, members);
  });
}

/**
 * Whether the actor may change a team (`team.edit`) or something of it such as its agreement
 * (`team.tightenAgreement`): by role, or as one of the team's own leads (core/access.ts).
 */
export async function assertMayEditTeam(
  executor: Executor,
  actor: Actor,
  teamId: string,
  action: Extract<Action, "team.edit" | "team.tightenAgreement"> = "team.edit",
): Promise<void> {
  if (may(actor, action)) return;
  const [lead] = await executor
    .select()
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
      ),
    );
  authorize(actor, action, { leadOf: Boolean(lead) });
}

export async function renameTeam(
  deps: Deps,
  actor: Actor,
  id: string,
  name: string | undefined,
): Promise<TeamView> {
  return deps.db.transaction(async (tx) => {
    const team = await getTeamRow(tx, actor.organisationId, id);
    await assertMayEditTeam(tx, actor, id);
    const [row] = name
      ? await tx
          .update(teams)
          .set({ name })
          .where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, id)))
          .returning()
      : [team];
    return present(row ?? team, await membersOf(tx, actor.organisationId, [id]));
  });
}

export async function deleteTeam(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await getTeamRow(tx, actor.organisationId, id);
    await assertMayEditTeam(tx, actor, id);
    await tx.delete(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, id)));
  });
}

export async function setTeamMembers(
  deps: Deps,
  actor: Actor,
  id: string,
  members: MemberInput[],
): Promise<TeamView> {
  const ids = members.map((m) => m.personId);
  const dup = ids.findIndex((p, i) => ids.indexOf(p) !== i);
  if (dup >= 0) throw invalid(`members[${dup}].personId`, "appears twice");
  return deps.db.transaction(async (tx) => {
    const team = await getTeamRow(tx, actor.organisationId, id);
    await assertMayEditTeam(tx, actor, id);
    await assertPeopleInOrganisation(tx, actor.organisationId, ids, (i) => `members[${i}].personId`);
    await replaceMembers(tx, actor.organisationId, id, members);
    return present(team, members);
  });
}
