export { getTeamRow, setPersonTeams } from "./teams.repo";
export { registerTeamRoutes } from "./teams.routes";
export { assertMayEditTeam, createTeam, setTeamMembers } from "./teams.service";
export { teamMembers, teams } from "./teams.table";
