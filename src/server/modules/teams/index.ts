export { setPersonTeams } from "./teams.repo";
export { registerTeamRoutes } from "./teams.routes";
export { createTeam, setTeamMembers } from "./teams.service";
export { teamMembers, teams } from "./teams.table";
