import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam } from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import type { LogDecisionView } from "../../../contracts/updates";
import { addDecision } from "../meetings";
import { meetingDecisions } from "../meetings/meetings.table";
import { buildThread } from "./thread.fixtures";
import { updateDecisions } from "./updates.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const log = async (who: TestPerson, query = "") => {
  const res = await call(env, "GET", `/api/v1/decisions${query}`, { as: who.caller });
  expect(res.statusCode).toBe(200);
  return res.json().decisions as LogDecisionView[];
};
const texts = async (who: TestPerson, query = "") => (await log(who, query)).map((d) => d.text);

/** A thread of `org` (to the whole organisation unless given) decided by its author. */
async function threadDecision(
  org: TestOrg,
  text: string,
  given: Parameters<typeof buildThread>[2] & { supersedes?: string } = {},
) {
  const { supersedes, ...rest } = given;
  const u = await buildThread(env, org, { title: `Thread: ${text}`, ...rest });
  const author = given.author ?? org.member;
  const res = await call(env, "POST", `/api/v1/updates/${u.id}/decision`, {
    as: author.caller,
    body: { text, ...(supersedes ? { supersedes } : {}) },
  });
  expect(res.statusCode).toBe(201);
  return res.json().decision as LogDecisionView;
}

/** A decision of a meeting the member organises with the manager attending, unless given. */
async function meetingDecision(org: TestOrg, text: string, given: Parameters<typeof buildMeeting>[1] = {}) {
  const { meeting, organiser } = await buildMeeting(env, { org, title: `Meeting: ${text}`, ...given });
  return addDecision(env.deps, actorOf(organiser), meeting.id, { text });
}

describe("decision log", () => {
  it("lists meeting and thread decisions newest first, linked both ways across the two tables", async () => {
    const org = await makeOrg(env);
    const weekly = await meetingDecision(org, "Weekly stand-ups");
    const daily = await threadDecision(org, "Daily stand-ups", { supersedes: weekly.id });
    expect(daily.supersedes).toBe(weekly.id);
    // A meeting's decision may supersede a thread's (an escalation, or a later review of it).
    const { meeting } = await buildMeeting(env, { org, title: "Review" });
    const [none] = await env.deps.db
      .insert(meetingDecisions)
      .values({
        meetingId: meeting.id,
        organisationId: org.organisation.id,
        text: "No stand-ups",
        supersedes: daily.id,
        recordedBy: org.manager.person.id,
      })
      .returning();

    const decisions = await log(org.member);
    expect(decisions.map((d) => d.text)).toEqual(["No stand-ups", "Daily stand-ups", "Weekly stand-ups"]);
    const [latest, thread, first] = decisions;
    expect(first).toEqual({
      id: weekly.id,
      text: "Weekly stand-ups",
      source: { type: "meeting", id: expect.any(String), title: "Meeting: Weekly stand-ups" },
      decidedBy: { personId: org.member.person.id, name: org.member.person.name },
      decidedAt: expect.any(String),
      supersedes: null,
      supersededBy: daily.id,
      teamId: null,
    });
    expect(thread).toMatchObject({
      id: daily.id,
      source: { type: "update", title: "Thread: Daily stand-ups" },
      supersedes: weekly.id,
      supersededBy: none?.id,
    });
    expect(latest).toMatchObject({ id: none?.id, supersedes: daily.id, supersededBy: null });

    // HR is addressed by the thread but attends neither meeting: the thread's decision alone, its links
    // to the meetings left out.
    expect(await log(org.hr)).toEqual([{ ...thread, supersedes: null, supersededBy: null }]);

    // The thread's page shows each viewer its decision exactly as their log does.
    const page = async (who: TestPerson) =>
      (await call(env, "GET", `/api/v1/updates/${daily.source.id}`, { as: who.caller })).json().update
        .decision;
    expect(await page(org.member)).toEqual(thread);
    expect(await page(org.hr)).toEqual({ ...thread, supersedes: null, supersededBy: null });
  });

  it("hides a one-to-one's decisions from HR, admins and non-attendees, and a conversation's from admins", async () => {
    const org = await makeOrg(env);
    await meetingDecision(org, "Promotion plan", {
      kind: "one_to_one",
      organiser: org.manager,
      attendees: [org.member],
    });
    await threadDecision(org, "Between us", { people: [org.manager] });
    expect(await texts(org.member)).toEqual(["Between us", "Promotion plan"]);
    expect(await texts(org.manager)).toEqual(["Between us", "Promotion plan"]);
    const colleague = await org.add("member");
    for (const who of [org.hr, org.admin, org.owner, colleague]) expect(await texts(who)).toEqual([]);
    const foreign = await makeOrg(env);
    expect(await texts(foreign.member)).toEqual([]);
  });

  it("finds text case-insensitively, treating % and _ as themselves", async () => {
    const org = await makeOrg(env);
    await threadDecision(org, "Give 50% OFF to early buyers");
    await threadDecision(org, "Give 500 off");
    await meetingDecision(org, "Rename snake_case fields");
    await meetingDecision(org, "Rename snakeXcase fields");
    expect(await texts(org.member, "?q=50%25%20off")).toEqual(["Give 50% OFF to early buyers"]);
    expect(await texts(org.member, "?q=SNAKE_CASE")).toEqual(["Rename snake_case fields"]);
    expect(await texts(org.member, "?q=nothing%20like%20this")).toEqual([]);
    // The source's title counts too.
    expect(await texts(org.member, "?q=thread%3A%20give%20500")).toEqual(["Give 500 off"]);
  });

  it("filters by the meeting's or the update's team and by when it was decided", async () => {
    const org = await makeOrg(env);
    const { team } = await buildTeam(env, { org, members: [org.member, org.manager] });
    const teamThread = await threadDecision(org, "Team thread", { teamId: team.id });
    const teamMeeting = await meetingDecision(org, "Team meeting", { teamId: team.id });
    const other = await threadDecision(org, "Everyone");
    expect(await texts(org.member, `?teamId=${team.id}`)).toEqual(["Team meeting", "Team thread"]);

    const at = (iso: string) => new Date(iso);
    await env.deps.db
      .update(updateDecisions)
      .set({ createdAt: at("2030-01-10T09:00:00Z") })
      .where(eq(updateDecisions.id, teamThread.id));
    await env.deps.db
      .update(meetingDecisions)
      .set({ createdAt: at("2030-01-20T09:00:00Z") })
      .where(eq(meetingDecisions.id, teamMeeting.id));
    await env.deps.db
      .update(updateDecisions)
      .set({ createdAt: at("2030-01-30T09:00:00Z") })
      .where(eq(updateDecisions.id, other.id));
    expect(await texts(org.member)).toEqual(["Everyone", "Team meeting", "Team thread"]);
    const window = "?from=2030-01-10T09:00:00Z&to=2030-01-20T09:00:00Z";
    expect(await texts(org.member, window)).toEqual(["Team meeting", "Team thread"]);
    expect(await texts(org.member, "?from=2030-01-15T00:00:00%2B01:00")).toEqual([
      "Everyone",
      "Team meeting",
    ]);
    expect(await texts(org.member, "?to=2030-01-15T00:00:00Z")).toEqual(["Team thread"]);
    expect(await texts(org.member, `${window}&teamId=${team.id}&q=thread`)).toEqual(["Team thread"]);
  });

  it("refuses bad filters with sentences and never writes", async () => {
    const org = await makeOrg(env);
    const get = (query: string) => call(env, "GET", `/api/v1/decisions${query}`, { as: org.member.caller });
    const backwards = await get("?from=2030-01-20T00:00:00Z&to=2030-01-10T00:00:00Z");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0].path).toBe("to");
    expect(backwards.json().error.message).toMatch(/must not be before from/);
    expect((await get("?from=yesterday")).statusCode).toBe(400);
    expect((await get("?teamId=42")).statusCode).toBe(400);
    expect((await get(`?q=${"x".repeat(201)}`)).statusCode).toBe(400);
    expect((await get("?sort=new")).statusCode).toBe(400);
    expect((await call(env, "GET", "/api/v1/decisions")).statusCode).toBe(401);
    await threadDecision(org, "Something");
    const { result, writes } = await writesDuring(() => get(""));
    expect(result.statusCode).toBe(200);
    expect(writes).toEqual([]);
  });
});

describe("superseding", () => {
  it("refuses a decision the decider cannot see as if it did not exist", async () => {
    const org = await makeOrg(env);
    const hidden = await meetingDecision(org, "Private", {
      kind: "one_to_one",
      organiser: org.manager,
      attendees: [org.hr],
    });
    const u = await buildThread(env, org);
    const res = await call(env, "POST", `/api/v1/updates/${u.id}/decision`, {
      as: org.member.caller,
      body: { text: "Over it", supersedes: hidden.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Supersedes: no such decision");
    expect(res.json().error.details.fields[0].path).toBe("supersedes");
    const foreign = await makeOrg(env);
    const theirs = await threadDecision(foreign, "Theirs");
    const across = await call(env, "POST", `/api/v1/updates/${u.id}/decision`, {
      as: org.member.caller,
      body: { text: "Over it", supersedes: theirs.id },
    });
    expect(across.statusCode).toBe(400);
  });
});
