import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCheckin, buildTeam } from "../../../../test/support/build";
import { makeOrg } from "../../../../test/support/factories";
import { call, type TestEnv, writesDuring } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import type { CheckinView, QuestionView } from "../../../contracts/checkins";
import { auditLog } from "../audit/audit.table";
import { BASE, get, patch, ritualTestEnv, schedule, teamOf } from "./checkins.fixtures";
import { checkinOccurrences, checkinQuestions } from "./checkins.table";

let env: TestEnv;
const ritualEnv = ritualTestEnv();
beforeAll(() => {
  env = ritualEnv();
});

describe("PATCH /api/v1/checkins/:id", () => {
  it("replaces the questions: kept ids are updated in place, others new, the rest deleted", async () => {
    const o = await makeOrg(env);
    const { checkin } = await buildCheckin(env, { org: o, team: await teamOf(o) });
    const [first, second, , fourth] = checkin.questions as [
      QuestionView,
      QuestionView,
      QuestionView,
      QuestionView,
    ];
    const res = await patch(o.manager, checkin.id, {
      name: "Standup, shorter",
      windowHours: 6,
      schedule: { days: ["mon", "wed"], localTime: "start_of_day" },
      questions: [
        { id: second.id, type: "text", prompt: "Today's plan?" },
        { type: "yes_no", prompt: "Need a hand?" },
        { id: first.id, type: first.type, prompt: first.prompt },
        { id: fourth.id, type: fourth.type, prompt: fourth.prompt, options: fourth.options ?? undefined },
      ],
    });
    expect(res.statusCode).toBe(200);
    const changed: CheckinView = res.json().checkin;
    expect(changed).toMatchObject({
      name: "Standup, shorter",
      windowHours: 6,
      schedule: { days: ["mon", "wed"], localTime: "start_of_day" },
    });
    expect(changed.questions.map((q) => [q.id, q.prompt, q.position])).toEqual([
      [second.id, "Today's plan?", 0],
      [expect.any(String), "Need a hand?", 1],
      [first.id, first.prompt, 2],
      [fourth.id, fourth.prompt, 3],
    ]);
    const stored = await env.deps.db
      .select()
      .from(checkinQuestions)
      .where(eq(checkinQuestions.checkinId, checkin.id));
    expect(stored).toHaveLength(4);
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, checkin.id), eq(auditLog.action, "checkin.changed")));
    expect(audit).toHaveLength(1);
  });

  it("refuses an unknown question id, a member, and a move to a team the lead does not lead", async () => {
    const o = await makeOrg(env);
    const { checkin } = await buildCheckin(env, { org: o, team: await teamOf(o) });
    const { team: elsewhere } = await buildTeam(env, { org: o, name: "Elsewhere" });
    const { checkin: foreign } = await buildCheckin(env, { org: await makeOrg(env) });
    const stranger = foreign.questions[0]?.id;
    const unknown = await patch(o.manager, checkin.id, {
      questions: [{ id: stranger, type: "text", prompt: "Borrowed" }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe("First question: id is not a question of this check-in");
    expect((await patch(o.member, checkin.id, { name: "Mine now" })).statusCode).toBe(403);
    const moved = await patch(o.manager, checkin.id, { teamId: elsewhere.id });
    expect(moved.statusCode).toBe(403);
    const orphaned = await patch(o.admin, checkin.id, { teamId: null });
    expect(orphaned.statusCode).toBe(400);
    expect(orphaned.json().error.details.fields[0].path).toBe("participantIds");
    const after = (await get(o.admin, `${BASE}/${checkin.id}`)).json().checkin;
    expect(after).toMatchObject({ name: checkin.name, teamId: checkin.teamId });
    expect(after.questions).toEqual(checkin.questions);
    const byAdmin = await patch(o.admin, checkin.id, { teamId: elsewhere.id, paused: true });
    expect(byAdmin.json().checkin).toMatchObject({
      teamId: elsewhere.id,
      teamName: "Elsewhere",
      paused: true,
    });
  });
});

describe("DELETE /api/v1/checkins/:id", () => {
  it("deletes the ritual with its occurrences for those who run it; a participant may not", async () => {
    const o = await makeOrg(env);
    const { checkin } = await buildCheckin(env, { org: o, team: await teamOf(o) });
    await env.deps.db.insert(checkinOccurrences).values({
      organisationId: o.organisation.id,
      checkinId: checkin.id,
      personId: o.member.person.id,
      localDate: "2026-06-01",
      deliveredAt: new Date(),
      lateAfter: new Date(),
      closesAt: new Date(),
      questions: [],
    });
    const refused = await call(env, "DELETE", `${BASE}/${checkin.id}`, { as: o.member.caller });
    expect(refused.statusCode).toBe(403);
    const res = await call(env, "DELETE", `${BASE}/${checkin.id}`, { as: o.manager.caller });
    expect(res.statusCode).toBe(204);
    expect((await get(o.admin, `${BASE}/${checkin.id}`)).statusCode).toBe(404);
    const left = await env.deps.db
      .select()
      .from(checkinOccurrences)
      .where(eq(checkinOccurrences.checkinId, checkin.id));
    expect(left).toEqual([]);
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, checkin.id), eq(auditLog.action, "checkin.deleted")));
    expect(audit).toHaveLength(1);
  });
});

describe("POST /api/v1/checkins/preview", () => {
  it("gives each participant their own next 09:30: London and Sydney at different instants; writes nothing", async () => {
    // Monday 1 June 2026, 00:00 UTC: 01:00 in London (BST), 10:00 in Sydney (AEST) — past 09:30 there.
    env.deps.clock = { now: () => new Date(utc(2026, 6, 1)) };
    const o = await makeOrg(env);
    const sydney = await o.add("member", { timeZone: "Australia/Sydney", name: "Sydney Sam" });
    const london = await o.add("member", { timeZone: "Europe/London", name: "London Lee" });
    const { team } = await buildTeam(env, { org: o, lead: o.manager, members: [london] });
    const { result: res, writes } = await writesDuring(() =>
      call(env, "POST", `${BASE}/preview`, {
        as: o.manager.caller,
        body: { teamId: team.id, participantIds: [sydney.person.id], schedule },
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(writes).toEqual([]);
    const byId = new Map(
      (res.json().deliveries as { person: { id: string } }[]).map((d) => [d.person.id, d] as const),
    );
    expect(byId.get(london.person.id)).toEqual({
      person: { id: london.person.id, name: "London Lee" },
      timeZone: "Europe/London",
      localDate: "2026-06-01",
      at: "2026-06-01T08:30:00.000Z",
    });
    expect(byId.get(sydney.person.id)).toEqual({
      person: { id: sydney.person.id, name: "Sydney Sam" },
      timeZone: "Australia/Sydney",
      localDate: "2026-06-02",
      at: "2026-06-01T23:30:00.000Z",
    });
    expect(byId.has(o.manager.person.id)).toBe(true);
    expect(byId.size).toBe(3);
  });

  it("is refused to whoever may not create a ritual for that team", async () => {
    const o = await makeOrg(env);
    const team = await teamOf(o);
    const body = { teamId: team.id, schedule };
    for (const who of [o.member, o.hr])
      expect((await call(env, "POST", `${BASE}/preview`, { as: who.caller, body })).statusCode).toBe(403);
    expect((await call(env, "POST", `${BASE}/preview`, { as: o.admin.caller, body })).statusCode).toBe(200);
  });
});
