import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerTeamRoutes } from "./teams.routes";

export { assertTeamOf, getTeamRow, setPersonTeams, teamNamesOf } from "./teams.repo";
export { assertMayEditTeam, createTeam, setTeamMembers } from "./teams.service";
export { teamMembers, teams } from "./teams.table";

export const teamsModule = defineModule<Deps>({ name: "teams", routes: [registerTeamRoutes] });
