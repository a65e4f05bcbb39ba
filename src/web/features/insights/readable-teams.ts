import type { TeamView } from "../../../contracts/teams";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";

/** Whether `personId` leads `team`. */
export const leads = (team: TeamView, personId: string) =>
  team.members.some((m) => m.personId === personId && m.role === "lead");

/**
 * The teams whose figures the viewer may read (`insights.readTeam`): all of them for HR and admins,
 * else the teams they lead. `everyTeam` tells which of the two.
 */
export function useReadableTeams(everyTeam: boolean) {
  const viewer = useViewer();
  const teams = useTeams();
  const list = teams.data?.filter((t) => everyTeam || leads(t, viewer.person.id));
  return { teams: list, error: teams.error };
}
