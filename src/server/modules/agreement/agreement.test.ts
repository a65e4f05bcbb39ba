import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications/notifications.table";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const get = (path: string, who = org.member) => call(env, "GET", path, { as: who.caller });

describe("the organisation's agreement", () => {
  it("answers 400, not 500, for a version number past the database's integers", async () => {
    const res = await get("/api/v1/agreement/versions/3000000000");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Version number must be/);
  });

  it("starts at version 1 with the default rules and sanitised sections", async () => {
    const { agreement } = (await get("/api/v1/agreement")).json();
    expect(agreement.version).toBe(1);
    expect(agreement.rules.mustBeLive).toEqual([
      "one_to_one",
      "performance_review",
      "conflict",
      "incident",
      "hiring_debrief",
    ]);
    expect(agreement.rules.replyWithinWorkingHours).toEqual({ urgent: 2, normal: 8, low: 24 });
    expect(agreement.rules.maxAttendees).toBe(12);
    expect(agreement.sources.maxAttendees).toBe("org");
    expect(agreement.sections[0].html).toContain("<p>");
  });

  it("publishes versions that keep unspecified rules, with a readable diff, and escapes raw HTML", async () => {
    const fresh = await makeOrg(env);
    const put = await call(env, "PUT", "/api/v1/agreement", {
      as: fresh.hr.caller,
      body: {
        rules: { maxAttendees: 8, noMeetingDays: ["wed"] },
        sections: [{ title: "Hello", body: "Hi <script>alert(1)</script> [x](javascript:alert(1))" }],
        changeSummary: "Smaller meetings, quiet Wednesdays",
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().agreement).toMatchObject({
      version: 2,
      changeSummary: "Smaller meetings, quiet Wednesdays",
    });
    expect(put.json().agreement.rules.maxMeetingMinutes).toBe(60);
    const html = put.json().agreement.sections[0].html as string;
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript:');

    const versions = (await get("/api/v1/agreement/versions", fresh.member)).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v2 = (await get("/api/v1/agreement/versions/2", fresh.member)).json().agreement;
    expect(v2.changes.rules.map((c: { rule: string }) => c.rule)).toEqual(
      expect.arrayContaining(["maxAttendees", "noMeetingDays"]),
    );
    expect(v2.changes.sections).toContainEqual({ title: "Hello", change: "added" });
    expect((await get("/api/v1/agreement/versions/9", fresh.member)).statusCode).toBe(404);

    const negative = await call(env, "PUT", "/api/v1/agreement", {
      as: fresh.hr.caller,
      body: { rules: { meetingBudget: { weeklyHours: -1, dailyHours: 4 } }, changeSummary: "x" },
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error).toMatchObject({
      message: "Rules, meeting budget: weekly hours must not be negative",
      details: { fields: [{ path: "rules.meetingBudget.weeklyHours" }] },
    });
    const unknownKind = await call(env, "PUT", "/api/v1/agreement", {
      as: fresh.hr.caller,
      body: { rules: { mustBeLive: ["karaoke"] }, changeSummary: "x" },
    });
    expect(unknownKind.statusCode).toBe(400);
  });
});

describe("team overrides", () => {
  it("only tighten: effective rules take the stricter value and say where it came from", async () => {
    const team = (
      await call(env, "POST", "/api/v1/teams", { as: org.manager.caller, body: { name: "Support" } })
    ).json().team;
    const tighten = await call(env, "PUT", `/api/v1/teams/${team.id}/agreement`, {
      as: org.manager.caller,
      body: {
        rules: { maxAttendees: 6, mustBeLive: ["standup"], agendaRequiredHoursBefore: 48 },
        changeSummary: "Support rules",
      },
    });
    expect(tighten.statusCode).toBe(200);
    const effective = (await get(`/api/v1/agreement?teamId=${team.id}`)).json().agreement;
    expect(effective.teamVersion).toBe(1);
    expect(effective.rules.maxAttendees).toBe(6);
    expect(effective.rules.agendaRequiredHoursBefore).toBe(48);
    expect(effective.rules.mustBeLive).toEqual(expect.arrayContaining(["one_to_one", "standup"]));
    expect(effective.sources).toMatchObject({
      maxAttendees: "team",
      agendaRequiredHoursBefore: "team",
      maxMeetingMinutes: "org",
    });

    const loosen = await call(env, "PUT", `/api/v1/teams/${team.id}/agreement`, {
      as: org.manager.caller,
      body: { rules: { maxAttendees: 30 } },
    });
    expect(loosen.statusCode).toBe(400);
    // The rule is named by its label; its id stays in the field's path for forms.
    expect(loosen.json().error.message).toContain("most attendees in a meeting");
    expect(loosen.json().error.message).not.toContain("maxAttendees");
    expect(loosen.json().error.details.fields[0].path).toBe("rules.maxAttendees");
    const orgOnly = await call(env, "PUT", `/api/v1/teams/${team.id}/agreement`, {
      as: org.manager.caller,
      body: { rules: { notificationHours: "working_hours" } },
    });
    expect(orgOnly.statusCode).toBe(400);
    expect(orgOnly.json().error.message).toBe('Rules: unknown field "notificationHours"; remove it');
    expect(orgOnly.json().error.details.fields[0].path).toBe("rules.notificationHours");
  });
});

describe("acknowledgements", () => {
  it("asks again after a new org version or a new team version, and shows compliance", async () => {
    const o = await makeOrg(env);
    const pending = async () => (await get("/api/v1/me/agreement", o.member)).json().pending;
    // Never acknowledged: nothing to compare with, they read the whole agreement.
    expect(await pending()).toEqual({
      version: 1,
      changes: { sinceVersion: null, rules: [], sections: [], teams: [] },
    });
    const ack = await call(env, "POST", "/api/v1/agreement/acknowledgements", {
      as: o.member.caller,
      body: { version: 1 },
    });
    expect(ack.statusCode).toBe(201);
    expect(await pending()).toBeNull();
    let compliance = (await get("/api/v1/agreement/compliance", o.hr)).json();
    expect(compliance.version).toBe(1);
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId)).toContain(
      o.member.person.id,
    );
    expect(compliance.pending.map((p: { personId: string }) => p.personId)).toContain(o.manager.person.id);

    // A team override asks that team's members again.
    const team = (
      await call(env, "POST", "/api/v1/teams", { as: o.admin.caller, body: { name: "T" } })
    ).json().team;
    await call(env, "PUT", `/api/v1/teams/${team.id}/members`, {
      as: o.admin.caller,
      body: { members: [{ personId: o.member.person.id, role: "member" }] },
    });
    await call(env, "PUT", `/api/v1/teams/${team.id}/agreement`, {
      as: o.admin.caller,
      body: { rules: { maxMeetingMinutes: 45 } },
    });
    expect(await pending()).toEqual({
      version: 1,
      changes: {
        sinceVersion: 1,
        rules: [],
        sections: [],
        teams: [
          {
            teamId: team.id,
            teamName: "T",
            rules: [{ rule: "maxMeetingMinutes", from: "60 minutes", to: "45 minutes" }],
          },
        ],
      },
    });
    await call(env, "POST", "/api/v1/agreement/acknowledgements", {
      as: o.member.caller,
      body: { version: 1 },
    });
    expect(await pending()).toBeNull();

    await call(env, "PUT", "/api/v1/agreement", {
      as: o.admin.caller,
      body: { rules: { maxAttendees: 9 }, changeSummary: "v2" },
    });
    expect(await pending()).toEqual({
      version: 2,
      changes: {
        sinceVersion: 1,
        rules: [{ rule: "maxAttendees", from: "12 people", to: "9 people" }],
        sections: [],
        teams: [],
      },
    });
    const stale = await call(env, "POST", "/api/v1/agreement/acknowledgements", {
      as: o.member.caller,
      body: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    compliance = (await get("/api/v1/agreement/compliance", o.admin)).json();
    expect(compliance.version).toBe(2);
    // Only the admin who published version 2, which counts as acknowledging it.
    expect(compliance.acknowledged.map((a: { personId: string }) => a.personId)).toEqual([o.admin.person.id]);

    const remind = await call(env, "POST", "/api/v1/agreement/compliance/remind", { as: o.hr.caller });
    expect(remind.json()).toEqual({ version: 2, reminded: compliance.pending.length });
    // Reminders go through notify (inbox; email in the member's hours or in their digest).
    const reminders = await env.deps.db
      .select({ subject: notifications.subject })
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, o.member.person.id),
          eq(notifications.kind, "acknowledgement.reminder"),
        ),
      );
    expect(reminders.map((r) => r.subject)).toEqual([
      "Please read and acknowledge the working agreement (version 2)",
    ]);
  });
});

describe("the advisor", () => {
  it("keeps must-be-live kinds live and sends inform-only requests async with a reply-by", async () => {
    const participants = [org.member.person.id, org.manager.person.id];
    const live = await call(env, "POST", "/api/v1/advice", {
      as: org.member.caller,
      body: {
        purpose: "inform",
        kind: "one_to_one",
        participantIds: participants,
        at: "2026-12-01T10:00:00Z",
      },
    });
    expect(live.statusCode).toBe(200);
    expect(live.json().advice.mode).toBe("sync");
    expect(live.json().advice.reasons[0].ruleId).toBe("mustBeLive");

    const inform = await call(env, "POST", "/api/v1/advice", {
      as: org.member.caller,
      body: { purpose: "inform", participantIds: participants, at: "2026-12-01T10:00:00Z" },
    });
    const advice = inform.json().advice;
    expect(advice.mode).toBe("async");
    // 8 working hours from Tue 10:00 London (09:00–17:00 pattern): Tue 10–17 (7 h) + Wed 09–10.
    // The member asks, so only the manager is asked to reply.
    expect(advice.next.async).toEqual({
      replyBy: "2026-12-02T10:00:00.000Z",
      workingHours: 8,
      recipients: [{ personId: org.manager.person.id, replyBy: "2026-12-02T10:00:00.000Z" }],
    });

    const foreign = await makeOrg(env);
    const other = await call(env, "POST", "/api/v1/advice", {
      as: org.member.caller,
      body: { purpose: "inform", participantIds: [foreign.member.person.id] },
    });
    expect(other.statusCode).toBe(404);
  });

  it("answers 400, not 500, for an `at` the database cannot hold (year 0, past 9999)", async () => {
    for (const at of ["0000-01-01T00:00:00Z", "9999-12-31T00:00:00Z"]) {
      const res = await call(env, "POST", "/api/v1/advice", {
        as: org.member.caller,
        body: { purpose: "brainstorm", participantIds: [org.member.person.id], at },
      });
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error.message, at).toMatch(/^Time must be/);
    }
  });
});

describe("publishing at the same moment", () => {
  it("never answers 500: each publish gets the next version or a 409 saying to reload", async () => {
    const o = await makeOrg(env);
    const publish = (n: number) =>
      call(env, "PUT", "/api/v1/agreement", {
        as: o.admin.caller,
        body: { rules: { maxAttendees: 10 - n }, changeSummary: `Race ${n}` },
      });
    const results = await Promise.all([publish(1), publish(2), publish(3)]);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const published = results.filter((r) => r.statusCode === 200).map((r) => r.json().agreement.version);
    expect(published.length).toBeGreaterThan(0);
    const versions = (await get("/api/v1/agreement/versions", o.member))
      .json()
      .versions.map((v: { version: number }) => v.version);
    expect(versions).toEqual(
      Array.from({ length: published.length + 1 }, (_, i) => published.length + 1 - i),
    );
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.message).toContain("reload");
  });
});
