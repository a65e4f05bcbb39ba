import { usePeople, useTeams } from "../../../lib/resources";
import { useViewer } from "../../../lib/session";
import { canCreateCheckin } from "../api";

/**
 * What the builder offers the viewer: admins run rituals for any team or named people; a lead for the
 * teams they lead (always with one of them). The server decides again on save.
 */
export function useBuilderChoices() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const role = viewer.person.role;
  const led = (teams.data ?? []).filter((t) =>
    t.members.some((m) => m.personId === viewer.person.id && m.role === "lead"),
  );
  const admin = canCreateCheckin(role, false);
  return {
    viewer,
    ready: Boolean(people.data && teams.data),
    error: people.error ?? teams.error,
    people: people.data ?? [],
    allTeams: teams.data,
    teams: admin ? (teams.data ?? []) : led,
    teamRequired: !admin,
    mayCreate: canCreateCheckin(role, led.length > 0),
  };
}
