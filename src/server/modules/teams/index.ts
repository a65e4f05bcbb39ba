import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { registerTeamRoutes } from "./teams.routes";

export { getTeamRow, setPersonTeams } from "./teams.repo";
export { assertMayEditTeam, createTeam, setTeamMembers } from "./teams.service";
export { teamMembers, teams } from "./teams.table";

export const teamsModule = defineModule<Deps>({ name: "teams", routes: [registerTeamRoutes] });
