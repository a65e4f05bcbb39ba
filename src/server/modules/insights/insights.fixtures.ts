import { buildTeam } from "../../../../test/support/build";
import type { TestOrg, TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { addDays } from "../../../core/time";

/** Test data for the insights read tests: a fixed week, teams of a given size, and the calls. */

/** Wednesday 18 November 2026, noon in London (UTC then): this week starts Monday the 16th. */
export const NOW = new Date("2026-11-18T12:00:00Z");
export const THIS_WEEK = "2026-11-16";
export const weeksAgo = (n: number) => addDays(THIS_WEEK, -7 * n);

/** `count` new active members of the organisation, in `timeZone` (London unless given). */
export async function newPeople(org: TestOrg, count: number, timeZone?: string): Promise<TestPerson[]> {
  const people: TestPerson[] = [];
  for (let i = 0; i < count; i++) people.push(await org.add("member", timeZone ? { timeZone } : {}));
  return people;
}

/** A team of exactly these people (and `lead` as its lead, counted among its people). */
export async function teamOf(
  env: TestEnv,
  org: TestOrg,
  name: string,
  members: TestPerson[],
  lead?: TestPerson,
) {
  const { team } = await buildTeam(env, { org, name, members, ...(lead ? { lead } : {}) });
  return team;
}

export const teamUrl = (teamId: string, query = "") => `/api/v1/insights/teams/${teamId}${query}`;
export const organisationUrl = (query = "") => `/api/v1/insights/organisation${query}`;

export const get = (env: TestEnv, url: string, person: TestPerson) =>
  call(env, "GET", url, { as: person.caller });
