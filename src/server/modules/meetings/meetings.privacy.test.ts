import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

describe("a one-to-one is seen by its two people only", () => {
  it("answers 404 to HR, admins, the owner and others on every meeting route, and lists it for nobody else", async () => {
    const o = await makeOrg(env);
    const { meeting } = await buildMeeting(env, {
      org: o,
      organiser: o.manager,
      attendees: [o.member],
      kind: "one_to_one",
      title: "Career chat",
    });
    const other = await o.add("member");
    const outsiders: TestPerson[] = [o.hr, o.admin, o.owner, other];
    for (const who of outsiders) {
      const url = `/api/v1/meetings/${meeting.id}`;
      const as = who.caller;
      expect((await call(env, "GET", url, { as })).statusCode).toBe(404);
      expect((await call(env, "PATCH", url, { as, body: { title: "Peek" } })).statusCode).toBe(404);
      expect((await call(env, "PUT", `${url}/rsvp`, { as, body: { response: "yes" } })).statusCode).toBe(404);
      expect((await call(env, "DELETE", url, { as })).statusCode).toBe(404);
      const list = await call(
        env,
        "GET",
        "/api/v1/meetings?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z",
        { as },
      );
      expect(JSON.stringify(list.json())).not.toContain(meeting.id);
    }
    const mine = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: o.member.caller });
    expect(mine.json().meeting.title).toBe("Career chat");
  });

  it("answers 404 to another organisation's caller", async () => {
    const { meeting } = await buildMeeting(env);
    const foreign = await makeOrg(env);
    const res = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: foreign.admin.caller });
    expect(res.statusCode).toBe(404);
  });
});

describe("GET /api/v1/people/:id/meeting-load", () => {
  const inAnHour = () => new Date(env.deps.clock.now().getTime() + 3_600_000).toISOString();

  it("shows a person their own weeks, counting a meeting they attend", async () => {
    const o = await makeOrg(env);
    await buildMeeting(env, {
      org: o,
      start: inAnHour(),
      durationMinutes: 45,
      override: { reason: "Whenever it is" },
    });
    const res = await call(env, "GET", `/api/v1/people/${o.manager.person.id}/meeting-load?weeks=2`, {
      as: o.manager.caller,
    });
    expect(res.statusCode).toBe(200);
    const { weeks, scope } = res.json();
    expect(scope).toBe("person");
    expect(weeks).toHaveLength(2);
    expect(weeks[0]).toMatchObject({ budgetHours: 15 });
    expect(weeks[0].meetingHours + weeks[1].meetingHours).toBe(0.75);
  });

  it("gives a lead the team's average only, and nobody else anything", async () => {
    const o = await makeOrg(env);
    const third = await o.add("member");
    const { team } = await buildTeam(env, { org: o, lead: o.manager, members: [o.member, third] });
    await buildMeeting(env, {
      org: o,
      organiser: o.member,
      attendees: [third],
      start: inAnHour(),
      durationMinutes: 60,
      override: { reason: "Whenever it is" },
    });
    const url = `/api/v1/people/${o.member.person.id}/meeting-load?weeks=2`;
    const res = await call(env, "GET", url, { as: o.manager.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ scope: "team", teamId: team.id });
    const total = res
      .json()
      .weeks.reduce((sum: number, w: { meetingHours: number }) => sum + w.meetingHours, 0);
    // Two of three members spend an hour: the average, never the member's own 1.
    expect(total).toBeCloseTo(0.67, 2);
    for (const who of [o.hr, o.admin, o.owner, third])
      expect((await call(env, "GET", url, { as: who.caller })).statusCode).toBe(404);
  });

  it("does not aggregate a team too small to hide anyone", async () => {
    const o = await makeOrg(env);
    await buildTeam(env, { org: o, lead: o.manager, members: [o.member] });
    const res = await call(env, "GET", `/api/v1/people/${o.member.person.id}/meeting-load`, {
      as: o.manager.caller,
    });
    expect(res.statusCode).toBe(404);
  });
});
