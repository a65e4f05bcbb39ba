import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

describe("working pattern", () => {
  it("sorts intervals, drops empty days and moves the person to a given zone", async () => {
    const { person, caller } = await org.add("member");
    const res = await call(env, "PUT", `/api/v1/people/${person.id}/working-pattern`, {
      as: caller,
      body: {
        timeZone: "Asia/Kolkata",
        week: {
          tue: [
            { start: "14:00", end: "18:00" },
            { start: "08:30", end: "12:00" },
          ],
          wed: [],
          sat: [{ start: "22:00", end: "24:00" }],
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.timeZone).toBe("Asia/Kolkata");
    expect(res.json().person.workingPattern.week).toEqual({
      tue: [
        { start: "08:30", end: "12:00" },
        { start: "14:00", end: "18:00" },
      ],
      sat: [{ start: "22:00", end: "24:00" }],
    });
    const again = await call(env, "GET", `/api/v1/people/${person.id}`, { as: org.member.caller });
    expect(again.json().person.workingPattern.week.tue).toHaveLength(2);
  });

  it("names the day and index of an overlap, and of an end before its start", async () => {
    const { person } = org.member;
    const overlap = await call(env, "PUT", `/api/v1/people/${person.id}/working-pattern`, {
      as: org.member.caller,
      body: {
        week: {
          thu: [
            { start: "09:00", end: "12:00" },
            { start: "11:00", end: "13:00" },
          ],
        },
      },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toBe("Thursday, second interval overlaps the first interval");
    expect(overlap.json().error.details.fields[0].path).toBe("week.thu[1]");
    const backwards = await call(env, "PUT", `/api/v1/people/${person.id}/working-pattern`, {
      as: org.member.caller,
      body: { week: { fri: [{ start: "17:00", end: "09:00" }] } },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain("Friday, first interval: end (09:00) must be after");
    const badTime = await call(env, "PUT", `/api/v1/people/${person.id}/working-pattern`, {
      as: org.member.caller,
      body: { week: { fri: [{ start: "25:00", end: "26:00" }] } },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.message).toContain("Friday, first interval: start must be a time");
    expect(badTime.json().error.details.fields[0].path).toBe("week.fri[0].start");
  });

  it("computes working time in the zone in force, DST-correct, minus absences", async () => {
    const { person, caller } = await org.add("member", { timeZone: "Europe/London" });
    await call(env, "PUT", `/api/v1/people/${person.id}/working-pattern`, {
      as: caller,
      body: { week: { fri: [{ start: "09:00", end: "17:00" }], mon: [{ start: "09:00", end: "17:00" }] } },
    });
    // Fri 27 March 2026 is GMT; Mon 30 March is BST (clocks went forward on the 29th).
    const week = await call(
      env,
      "GET",
      `/api/v1/people/${person.id}/working-time?from=2026-03-27T00:00:00Z&to=2026-03-31T00:00:00Z`,
      { as: caller },
    );
    expect(week.json().intervals).toEqual([
      { start: "2026-03-27T09:00:00.000Z", end: "2026-03-27T17:00:00.000Z" },
      { start: "2026-03-30T08:00:00.000Z", end: "2026-03-30T16:00:00.000Z" },
    ]);
    // Travel to New York from Monday 30 March: 09:00 EDT is 13:00 UTC.
    await call(env, "POST", `/api/v1/people/${person.id}/zone-changes`, {
      as: caller,
      body: { from: "2026-03-30", timeZone: "America/New_York" },
    });
    await call(env, "POST", `/api/v1/people/${person.id}/absences`, {
      as: caller,
      body: { start: "2026-03-27", end: "2026-03-27" },
    });
    const after = await call(
      env,
      "GET",
      `/api/v1/people/${person.id}/working-time?from=2026-03-27T00:00:00Z&to=2026-03-31T00:00:00Z`,
      { as: caller },
    );
    expect(after.json().intervals).toEqual([
      { start: "2026-03-30T13:00:00.000Z", end: "2026-03-30T21:00:00.000Z" },
    ]);
  });
});

describe("absences", () => {
  it("turns local dates into the person's midnights (end inclusive) and hides details from others", async () => {
    const { person, caller } = await org.add("member", { timeZone: "Asia/Kolkata" });
    const res = await call(env, "POST", `/api/v1/people/${person.id}/absences`, {
      as: caller,
      body: { start: "2026-12-21", end: "2026-12-24", kind: "sick", reason: "Flu" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().absence).toMatchObject({
      start: "2026-12-20T18:30:00.000Z",
      end: "2026-12-24T18:30:00.000Z",
      kind: "sick",
    });
    const mine = await call(env, "GET", `/api/v1/people/${person.id}/absences`, { as: caller });
    expect(mine.json().absences[0]).toMatchObject({ kind: "sick", reason: "Flu" });
    const theirs = await call(env, "GET", `/api/v1/people/${person.id}/absences`, { as: org.manager.caller });
    expect(theirs.json().absences[0]).toEqual({
      id: res.json().absence.id,
      start: "2026-12-20T18:30:00.000Z",
      end: "2026-12-24T18:30:00.000Z",
      startDate: "2026-12-21",
      endDate: "2026-12-24",
    });
    const hr = await call(env, "GET", `/api/v1/people/${person.id}/absences`, { as: org.hr.caller });
    expect(hr.json().absences[0].reason).toBe("Flu");
  });

  it("accepts instants (end exclusive) and rejects mixed or reversed ranges", async () => {
    const { person, caller } = org.member;
    const ok = await call(env, "POST", `/api/v1/people/${person.id}/absences`, {
      as: caller,
      body: { start: "2026-05-01T12:00:00+02:00", end: "2026-05-01T15:00:00+02:00" },
    });
    expect(ok.json().absence).toMatchObject({
      start: "2026-05-01T10:00:00.000Z",
      end: "2026-05-01T13:00:00.000Z",
      kind: "other",
    });
    const mixed = await call(env, "POST", `/api/v1/people/${person.id}/absences`, {
      as: caller,
      body: { start: "2026-05-01", end: "2026-05-02T10:00:00Z" },
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain("end");
    const reversed = await call(env, "POST", `/api/v1/people/${person.id}/absences`, {
      as: caller,
      body: { start: "2026-05-03", end: "2026-05-02" },
    });
    expect(reversed.statusCode).toBe(400);
  });

  it("answers 400, not 500, for dates and instants the database cannot hold (year 0, past 9999)", async () => {
    const { person, caller } = org.member;
    const bodies = [
      { start: "0000-01-01", end: "0000-01-02" },
      { start: "9999-12-30", end: "9999-12-31" },
      { start: "0000-01-01T00:00:00Z", end: "0000-01-02T00:00:00Z" },
    ];
    for (const body of bodies) {
      const res = await call(env, "POST", `/api/v1/people/${person.id}/absences`, { as: caller, body });
      expect(res.statusCode, body.start).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const zone = await call(env, "POST", `/api/v1/people/${person.id}/zone-changes`, {
      as: caller,
      body: { from: "0000-01-01", timeZone: "UTC" },
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.message).toMatch(/^From must be/);
    const window = await call(
      env,
      "GET",
      `/api/v1/people/${person.id}/working-time?from=0000-01-01T00:00:00Z&to=0000-01-31T00:00:00Z`,
      { as: caller },
    );
    expect(window.statusCode).toBe(400);
  });
});

describe("roles and profiles", () => {
  it("lets an owner give any role, an admin only hr/manager/member, nobody their own, and keeps the last owner", async () => {
    const target = await org.add("member");
    const byOwner = await call(env, "PATCH", `/api/v1/people/${target.person.id}`, {
      as: org.owner.caller,
      body: { role: "admin" },
    });
    expect(byOwner.json().person.role).toBe("admin");
    const adminToAdmin = await call(env, "PATCH", `/api/v1/people/${org.member.person.id}`, {
      as: org.admin.caller,
      body: { role: "admin" },
    });
    expect(adminToAdmin.statusCode).toBe(403);
    const adminToHr = await call(env, "PATCH", `/api/v1/people/${org.member.person.id}`, {
      as: org.admin.caller,
      body: { role: "manager" },
    });
    expect(adminToHr.json().person.role).toBe("manager");
    await call(env, "PATCH", `/api/v1/people/${org.member.person.id}`, {
      as: org.admin.caller,
      body: { role: "member" },
    });
    const own = await call(env, "PATCH", `/api/v1/people/${org.admin.person.id}`, {
      as: org.admin.caller,
      body: { role: "hr" },
    });
    expect(own.statusCode).toBe(403);
    const hr = await call(env, "PATCH", `/api/v1/people/${org.member.person.id}`, {
      as: org.hr.caller,
      body: { role: "manager" },
    });
    expect(hr.statusCode).toBe(403);

    const lone = await makeOrg(env);
    const co = await lone.add("owner");
    const demote = await call(env, "PATCH", `/api/v1/people/${lone.owner.person.id}`, {
      as: co.caller,
      body: { role: "admin" },
    });
    expect(demote.statusCode).toBe(200);
    const last = await call(env, "PATCH", `/api/v1/people/${co.person.id}`, {
      as: lone.owner.caller,
      body: { role: "member" },
    });
    expect(last.statusCode).toBe(403); // lone.owner is an admin now: admins cannot touch owners
    const audit = await call(env, "GET", "/api/v1/audit", { as: co.caller });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toContain("person.role_changed");
  });

  it("keeps an owner: only another owner may change an owner's role, never their own", async () => {
    const solo = await makeOrg(env);
    const other = await solo.add("owner");
    await call(env, "PATCH", `/api/v1/people/${other.person.id}`, {
      as: solo.owner.caller,
      body: { role: "member" },
    });
    const res = await call(env, "PATCH", `/api/v1/people/${solo.owner.person.id}`, {
      as: other.caller,
      body: { role: "member" },
    });
    expect(res.statusCode).toBe(403); // other is a member now
    const ownerSelf = await call(env, "PATCH", `/api/v1/people/${solo.owner.person.id}`, {
      as: solo.owner.caller,
      body: { role: "admin" },
    });
    expect(ownerSelf.statusCode).toBe(403);
  });

  it("answers 409 for an email already used in the organisation, case-insensitively", async () => {
    const res = await call(env, "PATCH", `/api/v1/people/${org.member.person.id}`, {
      as: org.member.caller,
      body: { email: org.hr.person.email.toUpperCase() },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("conflict");
  });
});

describe("sign-in email and role of someone who outranks or equals the actor", () => {
  const changeEmail = (as: TestPerson, target: TestPerson) =>
    call(env, "PATCH", `/api/v1/people/${target.person.id}`, {
      as: as.caller,
      body: { email: `renamed-${randomUUID()}@example.test` },
    });

  it.each([
    { actor: "hr", target: "admin", status: 403 },
    { actor: "hr", target: "owner", status: 403 },
    { actor: "hr", target: "hr", status: 403 },
    { actor: "admin", target: "admin", status: 403 },
    { actor: "admin", target: "owner", status: 403 },
    { actor: "hr", target: "manager", status: 200 },
    { actor: "admin", target: "hr", status: 200 },
    { actor: "owner", target: "admin", status: 200 },
    { actor: "owner", target: "owner", status: 200 },
  ] as const)("a $actor changing the email of a $target: $status", async ({ actor, target, status }) => {
    const o = await makeOrg(env);
    const res = await changeEmail(o[actor], await o.add(target));
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().error.message).toContain(`the sign-in email of`);
  });

  it("lets an admin change the role of neither another admin nor the owner", async () => {
    const o = await makeOrg(env);
    const peer = await o.add("admin");
    for (const target of [peer, o.owner]) {
      const res = await call(env, "PATCH", `/api/v1/people/${target.person.id}`, {
        as: o.admin.caller,
        body: { role: "member" },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it("signs the person out everywhere, revokes their API tokens and audits the change", async () => {
    const o = await makeOrg(env);
    const target = await o.add("member");
    const token = await call(env, "POST", "/api/v1/me/tokens", { as: target.caller, body: { name: "CI" } });
    const bearer: Caller = { kind: "token", token: token.json().token };
    expect((await call(env, "GET", "/api/v1/me", { as: bearer })).statusCode).toBe(200);
    const res = await changeEmail(o.hr, target);
    expect(res.statusCode).toBe(200);
    expect((await call(env, "GET", "/api/v1/me", { as: target.caller })).statusCode).toBe(401);
    expect((await call(env, "GET", "/api/v1/me", { as: bearer })).statusCode).toBe(401);
    const audit = (await call(env, "GET", "/api/v1/audit", { as: o.owner.caller })).json().entries as {
      action: string;
      actorId: string;
      targetId: string;
      data: Record<string, unknown>;
    }[];
    expect(audit.find((e) => e.action === "person.email_changed")).toMatchObject({
      actorId: o.hr.person.id,
      targetId: target.person.id,
      data: { from: target.person.email, to: res.json().person.email, sessionsEnded: 1, tokensRevoked: 1 },
    });
  });

  it("keeps the session of a person who changes their own email", async () => {
    const o = await makeOrg(env);
    expect((await changeEmail(o.member, o.member)).statusCode).toBe(200);
    expect((await call(env, "GET", "/api/v1/me", { as: o.member.caller })).statusCode).toBe(200);
  });
});

describe("directory", () => {
  it("searches by name or email, filters by team and pages with a cursor", async () => {
    const dir = await makeOrg(env);
    const names = ["Zed Ahmed", "Amara Okafor", "Mei Tanaka", "Liam Byrne"];
    const added = [];
    for (const name of names) added.push(await dir.add("member", { name }));
    const search = await call(env, "GET", "/api/v1/people?q=tanaka", { as: dir.member.caller });
    expect(search.json().people.map((p: { name: string }) => p.name)).toEqual(["Mei Tanaka"]);

    const [zed, , mei] = added;
    const { team } = await buildTeam(env, { org: dir, name: "Clock", lead: zed, members: mei ? [mei] : [] });
    const inTeam = await call(env, "GET", `/api/v1/people?teamId=${team.id}`, {
      as: dir.member.caller,
    });
    expect(inTeam.json().people.map((p: { name: string }) => p.name)).toEqual(["Mei Tanaka", "Zed Ahmed"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(env, "GET", `/api/v1/people?limit=3${cursor ? `&cursor=${cursor}` : ""}`, {
        as: dir.member.caller,
      });
      seen.push(...page.json().people.map((p: { id: string }) => p.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9); // 5 role people + 4 added
    expect(new Set(seen).size).toBe(9);
    const bad = await call(env, "GET", "/api/v1/people?cursor=garbage", { as: dir.member.caller });
    expect(bad.statusCode).toBe(400);
    // Well-formed base64 JSON whose id only looks like a UUID: a 400 too, not a database error.
    const fake = Buffer.from(JSON.stringify(["a", "-".repeat(36)])).toString("base64url");
    const notUuid = await call(env, "GET", `/api/v1/people?cursor=${fake}`, { as: dir.member.caller });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.message).toContain("cursor");
  });
});

describe("two owners demoting each other at once", () => {
  it("always leaves the organisation an owner", async () => {
    const o = await makeOrg(env);
    const second = await o.add("owner");
    const [a, b] = await Promise.all([
      call(env, "PATCH", `/api/v1/people/${second.person.id}`, {
        as: o.owner.caller,
        body: { role: "admin" },
      }),
      call(env, "PATCH", `/api/v1/people/${o.owner.person.id}`, {
        as: second.caller,
        body: { role: "admin" },
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toContain(200);
    const people = (await call(env, "GET", "/api/v1/people?limit=500", { as: o.member.caller })).json()
      .people as { role: string }[];
    expect(people.filter((p) => p.role === "owner")).toHaveLength(1);
  });
});
