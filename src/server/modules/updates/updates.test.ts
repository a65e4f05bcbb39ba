import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam, buildTeamAgreement } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import type { Clock } from "../../platform/clock";
import { liveEvents } from "../../platform/events/live-events.table";
import { auditLog } from "../audit/audit.table";
import { notifications } from "../notifications";
import { updateResponders, updates } from "./updates.table";

/** Tuesday 8 December 2026, 10:00 UTC: 19:00 in Tokyo, 05:00 in New York, 10:00 in London. */
const TUESDAY_10 = Date.parse("2026-12-08T10:00:00Z");

let env: TestEnv;
let realClock: Clock;
beforeAll(async () => {
  env = await testEnv();
  realClock = env.deps.clock;
  env.deps.clock = { now: () => new Date(TUESDAY_10) };
});
afterAll(() => {
  env.deps.clock = realClock;
});

const post = (as: TestPerson, body: Record<string, unknown>) =>
  call(env, "POST", "/api/v1/updates", { as: as.caller, body });
const status = (extra: Record<string, unknown>) => ({
  kind: "status",
  title: "Weekly",
  body: "Shipped.",
  ...extra,
});
const read = (as: TestPerson, id: string) => call(env, "GET", `/api/v1/updates/${id}`, { as: as.caller });
const feedIds = async (as: TestPerson) =>
  (await call(env, "GET", "/api/v1/updates", { as: as.caller }))
    .json()
    .updates.map((u: { id: string }) => u.id);
const updatesOf = (o: TestOrg) =>
  env.deps.db.select().from(updates).where(eq(updates.organisationId, o.organisation.id));
const inboxOf = (o: TestOrg) =>
  env.deps.db.select().from(notifications).where(eq(notifications.organisationId, o.organisation.id));

/** Who may open `id` (200) and who is answered 404, and whether it is in their feed. */
async function expectSeenBy(id: string, yes: TestPerson[], no: TestPerson[]) {
  for (const p of yes) {
    expect((await read(p, id)).statusCode).toBe(200);
    expect(await feedIds(p)).toContain(id);
  }
  for (const p of no) {
    expect((await read(p, id)).statusCode).toBe(404);
    expect(await feedIds(p)).not.toContain(id);
  }
}

describe("POST /api/v1/updates: who sees it", () => {
  it("named people: them and the author; owner, admin and HR outside it get 404", async () => {
    const o = await makeOrg(env);
    const res = await post(o.member, status({ audience: { personIds: [o.manager.person.id] } }));
    expect(res.statusCode).toBe(201);
    const { update } = res.json();
    expect(update).toMatchObject({ urgency: "normal", unread: false, replyBy: null, responders: [] });
    expect(update.audience).toEqual({
      organisation: false,
      teamId: null,
      teamName: null,
      people: [{ personId: o.manager.person.id, name: o.manager.person.name }],
    });
    await expectSeenBy(update.id, [o.member, o.manager], [o.owner, o.admin, o.hr]);
  });

  it("a team: its members see it, the rest of the organisation does not", async () => {
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, name: "Platform", lead: o.hr, members: [o.manager] });
    const { update } = (await post(o.member, status({ audience: { teamId: team.id } }))).json();
    expect(update.audience).toMatchObject({ teamId: team.id, teamName: "Platform", organisation: false });
    await expectSeenBy(update.id, [o.member, o.manager, o.hr], [o.admin, o.owner]);
  });

  it("the organisation: everyone in it; another organisation's member gets 404", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const { update } = (await post(o.member, status({ audience: { organisation: true } }))).json();
    await expectSeenBy(update.id, [o.owner, o.admin, o.hr, o.manager], [other.member, other.owner]);
  });

  it("tells its people live: the named ones by id, an organisation-wide update the whole organisation", async () => {
    const o = await makeOrg(env);
    const audienceOf = async (updateId: string) =>
      (
        await env.deps.db
          .select({ audience: liveEvents.audience })
          .from(liveEvents)
          .where(and(eq(liveEvents.type, "update.changed"), eq(liveEvents.objectId, updateId)))
      ).map((e) => e.audience);
    const named = (await post(o.member, status({ audience: { personIds: [o.manager.person.id] } }))).json();
    expect(await audienceOf(named.update.id)).toEqual([
      { personIds: expect.arrayContaining([o.member.person.id, o.manager.person.id]) },
    ]);
    const all = (await post(o.member, status({ audience: { organisation: true } }))).json();
    expect(await audienceOf(all.update.id)).toEqual([{}]);
  });
});

describe("POST /api/v1/updates: reply-by and notifications", () => {
  it("gives each responder a reply-by inside their own hours; the update's is the latest", async () => {
    const o = await makeOrg(env);
    const tokyo = await o.add("member", { timeZone: "Asia/Tokyo" });
    const newYork = await o.add("member", { timeZone: "America/New_York" });
    const res = await post(
      o.member,
      status({
        audience: { organisation: true },
        requiredResponderIds: [tokyo.person.id, newYork.person.id],
      }),
    );
    const { update } = res.json();
    const replyBy = Object.fromEntries(
      update.responders.map((r: { personId: string; replyBy: string }) => [r.personId, r.replyBy]),
    );
    // 8 working hours (normal): Tokyo's Wednesday 09:00–17:00; New York's Tuesday 09:00–17:00.
    expect(replyBy[tokyo.person.id]).toBe("2026-12-09T08:00:00.000Z");
    expect(replyBy[newYork.person.id]).toBe("2026-12-08T22:00:00.000Z");
    expect(update.replyBy).toBe("2026-12-09T08:00:00.000Z");
    const rows = await env.deps.db
      .select()
      .from(updateResponders)
      .where(eq(updateResponders.updateId, update.id));
    const tokyoRow = rows.find((r) => r.personId === tokyo.person.id);
    expect(tokyoRow?.remindAt?.toISOString()).toBe("2026-12-09T04:00:00.000Z"); // half of 8 hours
    expect(tokyoRow?.lateRemindAt?.toISOString()).toBe("2026-12-09T07:12:00.000Z"); // 90%
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, o.organisation.id), eq(auditLog.action, "update.posted")));
    expect(audit).toHaveLength(1);
  });

  it("uses the audience team's stricter reply norm", async () => {
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, members: [o.manager] });
    await buildTeamAgreement(env, {
      org: o,
      teamId: team.id,
      rules: { replyWithinWorkingHours: { urgent: 1, normal: 4, low: 12 } },
    });
    const body = status({ audience: { teamId: team.id }, requiredResponderIds: [o.manager.person.id] });
    const { update } = (await post(o.member, body)).json();
    expect(update.replyBy).toBe("2026-12-08T14:00:00.000Z"); // London 10:00 + 4 working hours
  });

  it("asks responders, tells the mentioned and everyone else, never the author", async () => {
    const o = await makeOrg(env);
    const tokyo = await o.add("member", { timeZone: "Asia/Tokyo" });
    const priya = await o.add("member", { name: "Priya Shah" });
    const body = status({
      body: "Thanks @Priya Shah for the fix.",
      audience: { organisation: true },
      requiredResponderIds: [tokyo.person.id],
    });
    const { update } = (await post(o.member, body)).json();
    const kinds = new Map((await inboxOf(o)).map((n) => [n.recipientId, n]));
    expect(kinds.get(tokyo.person.id)?.kind).toBe("update.reply_requested");
    expect(kinds.get(tokyo.person.id)?.body).toContain(
      "Reply by 17:00 on Wednesday 9 December in Asia/Tokyo",
    );
    expect(kinds.get(priya.person.id)?.kind).toBe("update.mentioned");
    for (const p of [o.owner, o.admin, o.hr, o.manager]) {
      expect(kinds.get(p.person.id)).toMatchObject({ kind: "update.posted", urgent: false });
      expect(kinds.get(p.person.id)?.link).toBe(`/updates/${update.id}`);
    }
    expect(kinds.has(o.member.person.id)).toBe(false);
    expect(await inboxOf(o)).toHaveLength(6);
  });

  it("marks notices urgent only for an urgent update, and mentions outside the audience notify nobody", async () => {
    const o = await makeOrg(env);
    const priya = await o.add("member", { name: "Priya Shah" });
    const body = status({
      body: "@Priya Shah see this",
      urgency: "urgent",
      audience: { personIds: [o.hr.person.id] },
    });
    expect((await post(o.member, body)).statusCode).toBe(201);
    const rows = await inboxOf(o);
    expect(rows.map((n) => [n.recipientId, n.kind, n.urgent])).toEqual([
      [o.hr.person.id, "update.posted", true],
    ]);
    expect(rows.some((n) => n.recipientId === priya.person.id)).toBe(false);
  });
});

describe("POST /api/v1/updates: bad input writes nothing", () => {
  const cases: [string, (o: TestOrg, other: TestOrg) => Record<string, unknown>, RegExp][] = [
    ["no audience", () => status({ audience: {} }), /^Audience: choose who it is for/],
    [
      "a person of another organisation",
      (_, other) => status({ audience: { personIds: [other.member.person.id] } }),
      /^Audience, people: no such person in your organisation$/,
    ],
    [
      "an unknown responder",
      () => status({ audience: { organisation: true }, requiredResponderIds: [crypto.randomUUID()] }),
      /^Required responders: no such person in your organisation$/,
    ],
    [
      "another organisation's team",
      () => status({ audience: { teamId: crypto.randomUUID() } }),
      /^Audience, team: no such team in your organisation$/,
    ],
    [
      "a decision deadline on a status",
      () => status({ audience: { organisation: true }, decisionDue: "2026-12-10T10:00:00Z" }),
      /^Decision deadline: only a proposal has a decision deadline$/,
    ],
    [
      "a link to no document",
      () =>
        status({ audience: { organisation: true }, links: [{ type: "document", id: crypto.randomUUID() }] }),
      /^First link: no such document that you can see$/,
    ],
  ];
  it.each(cases)("%s → 400 naming the field", async (_, bodyOf, message) => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const res = await post(o.member, bodyOf(o, other));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
    expect(await updatesOf(o)).toEqual([]);
  });

  it("links a meeting the author attends; its title only for those who may see the meeting", async () => {
    const o = await makeOrg(env);
    const { meeting } = await buildMeeting(env, { org: o, organiser: o.member, attendees: [o.manager] });
    const refused = await post(
      o.hr,
      status({ audience: { organisation: true }, links: [{ type: "meeting", id: meeting.id }] }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("First link: no such meeting that you can see");
    const body = status({ audience: { organisation: true }, links: [{ type: "meeting", id: meeting.id }] });
    const { update } = (await post(o.member, body)).json();
    expect((await read(o.manager, update.id)).json().update.links).toEqual([
      { type: "meeting", id: meeting.id, title: "Discuss" },
    ]);
    expect((await read(o.hr, update.id)).json().update.links[0].title).not.toContain("Discuss");
  });
});

describe("POST /api/v1/updates/reply-by", () => {
  it("previews each responder's reply-by and the norm, writing nothing", async () => {
    const o = await makeOrg(env);
    const tokyo = await o.add("member", { timeZone: "Asia/Tokyo" });
    const { result: res, writes } = await writesDuring(() =>
      call(env, "POST", "/api/v1/updates/reply-by", {
        as: o.member.caller,
        body: { urgency: "urgent", requiredResponderIds: [tokyo.person.id, o.manager.person.id] },
      }),
    );
    expect(writes).toEqual([]);
    expect(res.json()).toEqual({
      hours: 2,
      replyBy: "2026-12-09T02:00:00.000Z",
      responders: [
        expect.objectContaining({
          personId: tokyo.person.id,
          timeZone: "Asia/Tokyo",
          replyBy: "2026-12-09T02:00:00.000Z",
        }),
        expect.objectContaining({ personId: o.manager.person.id, replyBy: "2026-12-08T12:00:00.000Z" }),
      ],
    });
    const unknown = await call(env, "POST", "/api/v1/updates/reply-by", {
      as: o.member.caller,
      body: { requiredResponderIds: [crypto.randomUUID()] },
    });
    expect(unknown.json().error.message).toBe("Required responders: no such person in your organisation");
  });
});
