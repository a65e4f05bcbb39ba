import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCheckin, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import type { TestEnv } from "../../../../test/support/harness";
import type { CheckinView, TemplateView } from "../../../contracts/checkins";
import { auditLog } from "../audit/audit.table";
import { BASE, create, get, ritualTestEnv, schedule, teamOf } from "./checkins.fixtures";
import { checkins } from "./checkins.table";

let env: TestEnv;
const ritualEnv = ritualTestEnv();
beforeAll(() => {
  env = ritualEnv();
});

const written = {
  name: "Morning notes",
  schedule,
  windowHours: 8,
  reminder: false,
  questions: [
    { type: "text", prompt: "What is on your mind?" },
    { type: "scale", prompt: "How busy?", options: ["Idle", "Light", "Fair", "Busy", "Swamped"] },
    { type: "yes_no", prompt: "Shipping today?" },
    { type: "blocker", prompt: "Blocked?", unblockerPrompt: "Who can help?" },
  ],
};

const rowsOf = async (o: TestOrg) =>
  env.deps.db.select().from(checkins).where(eq(checkins.organisationId, o.organisation.id));

describe("POST /api/v1/checkins", () => {
  it("creates a ritual from each template, the template's fields and questions in order", async () => {
    const o = await makeOrg(env);
    const team = await teamOf(o);
    const listed = await get(o.member, `${BASE}/templates`);
    const templates: TemplateView[] = listed.json().templates;
    expect(templates.map((t) => t.id)).toEqual([
      "daily_standup",
      "weekly_checkin",
      "team_health",
      "social_question",
    ]);
    for (const template of templates) {
      const res = await create(o.admin, { teamId: team.id, templateId: template.id });
      expect(res.statusCode).toBe(201);
      const checkin: CheckinView = res.json().checkin;
      expect(checkin).toMatchObject({
        name: template.name,
        teamId: team.id,
        teamName: "Platform",
        schedule: template.schedule,
        windowHours: template.windowHours,
        reminder: template.reminder,
        templateId: template.id,
        ownerId: o.admin.person.id,
        paused: false,
        canManage: true,
      });
      expect(checkin.questions.map((q) => [q.type, q.prompt, q.position])).toEqual(
        template.questions.map((q, i) => [q.type, q.prompt, i]),
      );
      expect(checkin.participants.map((p) => p.id).sort()).toEqual(
        [o.manager.person.id, o.member.person.id].sort(),
      );
    }
    expect(await rowsOf(o)).toHaveLength(4);
  });

  it("lets a team's lead write one out; what is given overrides a template; audited", async () => {
    const o = await makeOrg(env);
    const team = await teamOf(o);
    const res = await create(o.manager, { ...written, teamId: team.id, participantIds: [o.hr.person.id] });
    expect(res.statusCode).toBe(201);
    const checkin: CheckinView = res.json().checkin;
    expect(checkin).toMatchObject({
      name: "Morning notes",
      windowHours: 8,
      reminder: false,
      templateId: null,
    });
    expect(checkin.participantIds).toEqual([o.hr.person.id]);
    expect(checkin.participants.map((p) => p.id).sort()).toEqual(
      [o.hr.person.id, o.manager.person.id, o.member.person.id].sort(),
    );
    expect(checkin.questions.map((q) => [q.prompt, q.position])).toEqual([
      ["What is on your mind?", 0],
      ["How busy?", 1],
      ["Shipping today?", 2],
      ["Blocked?", 3],
    ]);
    expect(checkin.questions[1]?.options).toEqual(["Idle", "Light", "Fair", "Busy", "Swamped"]);
    expect(checkin.questions[3]?.unblockerPrompt).toBe("Who can help?");
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, o.organisation.id), eq(auditLog.targetId, checkin.id)));
    expect(audit.map((a) => a.action)).toEqual(["checkin.created"]);

    const mixed = await create(o.admin, {
      teamId: team.id,
      templateId: "daily_standup",
      name: "Our standup",
      windowHours: 4,
    });
    expect(mixed.json().checkin).toMatchObject({ name: "Our standup", windowHours: 4, reminder: true });
    expect(mixed.json().checkin.schedule.localTime).toBe("09:30");
  });

  it("refuses bad input with a 400 naming the field in words, leaving no row", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const team = await teamOf(o);
    const foreignTeam = await teamOf(other);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...written, name: undefined, teamId: team.id }, "name", /^Name must be given, or a template/],
      [{ ...written, schedule: undefined, teamId: team.id }, "schedule", /^Schedule must be given/],
      [
        { ...written, windowHours: undefined, teamId: team.id },
        "windowHours",
        /^Response window \(hours\) must be given/,
      ],
      [{ ...written, reminder: undefined, teamId: team.id }, "reminder", /^Reminder must be given/],
      [{ ...written, questions: undefined, teamId: team.id }, "questions", /^Questions must be given/],
      [
        { ...written },
        "participantIds",
        /^Participants must name at least one person when no team is given$/,
      ],
      [{ ...written, participantIds: [other.member.person.id] }, "participantIds", /no such person/],
      [{ ...written, teamId: foreignTeam.id }, "teamId", /^Team: no such team in your organisation/],
      [{ ...written, teamId: team.id, templateId: "retro" }, "templateId", /^Template must be one of/],
      [{ ...written, teamId: team.id, windowHours: 0 }, "windowHours", /must be at least 1 hour/],
      [
        { ...written, teamId: team.id, schedule: { days: [], localTime: "09:30" } },
        "schedule.days",
        /at least one day/,
      ],
      [
        { ...written, teamId: team.id, schedule: { days: ["mon"], localTime: "9.30" } },
        "schedule.localTime",
        /HH:MM/,
      ],
      [{ ...written, teamId: team.id, questions: [] }, "questions", /at least one question/],
      [
        { ...written, teamId: team.id, questions: [{ type: "scale", prompt: "How?", options: ["a", "b"] }] },
        "questions[0].options",
        /five labels/,
      ],
      [
        {
          ...written,
          teamId: team.id,
          questions: [{ type: "text", prompt: "Hi", options: ["1", "2", "3", "4", "5"] }],
        },
        "questions[0].options",
        /only for scale and pulse/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await create(o.admin, body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      const error = res.json().error;
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^[A-Z]/);
    }
    expect(await rowsOf(o)).toEqual([]);
  });

  it("refuses a lead of another team, a member and HR (403); a lead of this team may", async () => {
    const o = await makeOrg(env);
    const team = await teamOf(o);
    const otherLead = await o.add("member");
    await buildTeam(env, { org: o, name: "Other", lead: otherLead });
    const body = { teamId: team.id, templateId: "daily_standup" };
    for (const who of [otherLead, o.member, o.hr]) {
      const res = await create(who, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/create check-ins/);
    }
    const teamless = await create(o.manager, {
      templateId: "daily_standup",
      participantIds: [o.member.person.id],
    });
    expect(teamless.statusCode).toBe(403);
    expect(await rowsOf(o)).toEqual([]);
    expect((await create(o.manager, body)).statusCode).toBe(201);
  });
});

describe("reading rituals", () => {
  it("a participant reads it; a member not in it, HR and another organisation get 404", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const outsider = await o.add("member");
    const { checkin } = await buildCheckin(env, { org: o, team: await teamOf(o) });
    const read = await get(o.member, `${BASE}/${checkin.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().checkin).toMatchObject({ id: checkin.id, canManage: false });
    expect((await get(o.manager, `${BASE}/${checkin.id}`)).json().checkin.canManage).toBe(true);
    for (const who of [outsider, o.hr, other.admin, other.member]) {
      const res = await get(who, `${BASE}/${checkin.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("Check-in not found");
    }
  });

  it("lists those the viewer takes part in or runs; admins see all of the organisation's", async () => {
    const o = await makeOrg(env);
    const team = await teamOf(o);
    const outsider = await o.add("member");
    const { checkin: teamRitual } = await buildCheckin(env, { org: o, team });
    const { checkin: named } = await buildCheckin(env, {
      org: o,
      participants: [outsider],
      name: "Just you",
    });
    const { checkin: mine } = await buildCheckin(env, {
      org: o,
      owner: o.manager,
      team,
      participants: [o.hr],
    });
    await buildCheckin(env, { org: await makeOrg(env) });
    const idsFor = async (who: TestPerson) =>
      ((await get(who, BASE)).json().checkins as CheckinView[]).map((c) => c.id);
    expect(await idsFor(o.member)).toEqual([teamRitual.id, mine.id]);
    expect(await idsFor(outsider)).toEqual([named.id]);
    expect(await idsFor(o.hr)).toEqual([mine.id]);
    expect(await idsFor(o.manager)).toEqual([teamRitual.id, mine.id]);
    expect(await idsFor(o.admin)).toEqual([teamRitual.id, named.id, mine.id]);
    expect(await idsFor(o.owner)).toEqual([teamRitual.id, named.id, mine.id]);
    const listed: CheckinView[] = (await get(o.member, BASE)).json().checkins;
    expect(listed.map((c) => c.canManage)).toEqual([false, false]);
    expect(listed[1]?.questions.length).toBeGreaterThan(0);
    expect(listed[1]?.participants.map((p) => p.id).sort()).toEqual(
      [o.hr.person.id, o.manager.person.id, o.member.person.id].sort(),
    );
  });
});
