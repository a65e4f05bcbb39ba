import { and, asc, eq, inArray } from "drizzle-orm";
import { meetingLoadHours, weekStarts } from "../../../core/meetings";
import { type Interval, mergeIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { getAgreement } from "../agreement";
import { focusOf } from "../calendars";
import { getPerson } from "../people";
import { teamMembers, teams } from "../teams";
import { importedBusyOf, otherMeetingsOf } from "./meetings.repo";

/** A team aggregate needs this many members, so nobody's own load can be read off it. */
export const MIN_TEAM_FOR_LOAD = 3;

export interface MeetingLoadView {
  weeks: { weekStart: string; meetingHours: number; budgetHours: number }[];
  scope: "person" | "team";
  teamId?: string;
}

/** The first team (by name) of `personId` that the actor leads and that is big enough to aggregate. */
async function ledTeamOf(executor: Executor, actor: Actor, personId: string) {
  const theirs = executor
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organisationId, actor.organisationId), eq(teamMembers.personId, personId)));
  const led = await executor
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(
      and(
        eq(teams.organisationId, actor.organisationId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
        inArray(teams.id, theirs),
      ),
    )
    .orderBy(asc(teams.name));
  if (led.length === 0) return undefined;
  const members = await executor
    .select({ teamId: teamMembers.teamId, personId: teamMembers.personId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        inArray(
          teamMembers.teamId,
          led.map((t) => t.id),
        ),
      ),
    );
  for (const team of led) {
    const memberIds = members.filter((m) => m.teamId === team.id).map((m) => m.personId);
    if (memberIds.length >= MIN_TEAM_FOR_LOAD) return { teamId: team.id, memberIds };
  }
  return undefined;
}

/** Each person's weekly meeting hours: Tandem meetings attended + imported busy, minus their focus blocks. */
async function hoursOf(deps: Deps, organisationId: string, ids: string[], weeks: Interval[]) {
  const span = { start: weeks[0]?.start ?? 0, end: weeks.at(-1)?.end ?? 0 };
  const [imported, meetings, focus] = await Promise.all([
    importedBusyOf(deps.db, organisationId, ids, span),
    otherMeetingsOf(deps.db, organisationId, ids, span),
    focusOf(deps.db, organisationId, ids, span),
  ]);
  return ids.map((id) => {
    const busy = mergeIntervals([...(imported.get(id) ?? []), ...(meetings.get(id) ?? [])]);
    return weeks.map((w) => meetingLoadHours(busy, focus.get(id) ?? [], w));
  });
}

/**
 * GET /people/:id/meeting-load: the person themself sees their own weeks (from this one, on their
 * clock) against the organisation's weekly budget; a lead of one of their teams (of at least
 * {@link MIN_TEAM_FOR_LOAD} members) sees that team's average per member against the team's
 * budget; anyone else, HR and admins included, 404.
 */
export async function meetingLoad(
  deps: Deps,
  actor: Actor,
  personId: string,
  weekCount = 4,
): Promise<MeetingLoadView> {
  const person = await getPerson(deps.db, actor.organisationId, personId);
  const self = personId === actor.personId;
  const team = self ? undefined : await ledTeamOf(deps.db, actor, personId);
  if (!self && !team) throw notFound("Person");
  if (team) authorize(actor, "meetingLoad.readTeam", { leadOf: true });
  else authorize(actor, "meetingLoad.readPersonal", { self });
  const starts = weekStarts(person.timeZone, deps.clock.now().getTime(), weekCount + 1);
  const weeks = starts.slice(0, -1).map((start, i) => ({ start, end: starts[i + 1] as number }));
  const ids = team?.memberIds ?? [personId];
  const [{ rules }, perPerson] = await Promise.all([
    getAgreement(deps, actor, team?.teamId),
    hoursOf(deps, actor.organisationId, ids, weeks),
  ]);
  const average = (i: number) =>
    Math.round((perPerson.reduce((sum, hours) => sum + (hours[i] ?? 0), 0) / ids.length) * 100) / 100;
  return {
    weeks: weeks.map((w, i) => ({
      weekStart: new Date(w.start).toISOString(),
      meetingHours: average(i),
      budgetHours: rules.meetingBudget.weeklyHours,
    })),
    scope: team ? "team" : "person",
    ...(team ? { teamId: team.teamId } : {}),
  };
}
