import { useQuery } from "@tanstack/react-query";
import type { AbsenceView, PersonView, ZoneChangeView } from "../../contracts/people";
import type { TeamView } from "../../contracts/teams";
import { get } from "./api";

/** A span of instants in epoch milliseconds, as the web's time maths uses them. */
export interface Span {
  start: number;
  end: number;
}

/** Query keys, so every page that changes something refreshes the same caches. */
export const keys = {
  people: ["people"] as const,
  person: (id: string) => ["people", id] as const,
  absences: (id: string) => ["people", id, "absences"] as const,
  zoneChanges: (id: string) => ["people", id, "zone-changes"] as const,
  teams: ["teams"] as const,
  team: (id: string) => ["teams", id] as const,
};

export function usePeople(filter: { q?: string; teamId?: string | null } = {}, enabled = true) {
  const params = new URLSearchParams({ limit: "500" });
  if (filter.q) params.set("q", filter.q);
  if (filter.teamId) params.set("teamId", filter.teamId);
  return useQuery({
    queryKey: [...keys.people, "list", filter.q ?? "", filter.teamId ?? ""],
    queryFn: () => get<{ people: PersonView[]; nextCursor: string | null }>(`/people?${params}`),
    select: (data) => data.people,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: () => get<{ person: PersonView }>(`/people/${id}`),
    select: (data) => data.person,
  });
}

export function useAbsences(personId: string) {
  return useQuery({
    queryKey: keys.absences(personId),
    queryFn: () => get<{ absences: AbsenceView[] }>(`/people/${personId}/absences`),
    select: (data) => data.absences,
  });
}

export function useZoneChanges(personId: string) {
  return useQuery({
    queryKey: keys.zoneChanges(personId),
    queryFn: () => get<{ zoneChanges: ZoneChangeView[] }>(`/people/${personId}/zone-changes`),
    select: (data) => data.zoneChanges,
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: keys.teams,
    queryFn: () => get<{ teams: TeamView[] }>("/teams"),
    select: (data) => data.teams,
    enabled,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: keys.team(id),
    queryFn: () => get<{ team: TeamView }>(`/teams/${id}`),
    select: (data) => data.team,
  });
}

/** A person's working time (pattern in the zone in force, minus absences) in `window`, from the server. */
export function workingTimeQuery(personId: string, window: Span) {
  const params = new URLSearchParams({
    from: new Date(window.start).toISOString(),
    to: new Date(window.end).toISOString(),
  });
  return {
    queryKey: [...keys.person(personId), "working-time", window.start, window.end],
    queryFn: async (): Promise<Span[]> => {
      const { intervals } = await get<{ intervals: { start: string; end: string }[] }>(
        `/people/${personId}/working-time?${params}`,
      );
      return intervals.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }));
    },
  };
}
