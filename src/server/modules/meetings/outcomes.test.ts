import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** A meeting the member organises with the manager attending. */
const meeting = async (given: Parameters<typeof buildMeeting>[1] = {}) =>
  (await buildMeeting(env, { org, ...given })).meeting;

const post = (who: TestPerson, url: string, body: unknown) =>
  call(env, "POST", url, { as: who.caller, body });

const assigned = (itemId: string) =>
  env.deps.db
    .select({ to: notifications.recipientId, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, "action_item.assigned"), eq(notifications.objectId, itemId)));

describe("decisions", () => {
  it("records a decision with its agenda item and who recorded it", async () => {
    const m = await meeting();
    const item = await post(org.manager, `/api/v1/meetings/${m.id}/agenda-items`, {
      title: "Budget",
      outcome: "decide",
    });
    const agendaItemId = item.json().item.id;
    const res = await post(org.manager, `/api/v1/meetings/${m.id}/decisions`, {
      text: "  Ship it  ",
      agendaItemId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      decision: {
        id: expect.any(String),
        text: "Ship it",
        agendaItemId,
        supersedes: null,
        recordedBy: org.manager.person.id,
        createdAt: expect.any(String),
      },
    });
    const read = await call(env, "GET", `/api/v1/meetings/${m.id}`, { as: org.member.caller });
    expect(read.json().meeting.decisions.map((d: { text: string }) => d.text)).toEqual(["Ship it"]);
  });

  it("supersedes a decision of the same series, refusing another meeting's items and decisions", async () => {
    const series = await buildMeeting(env, { org, recurrence: { frequency: "weekly", count: 2 } });
    const first = series.meeting.id;
    const nextId = series.meeting.series?.nextId as string;
    const old = (await post(org.member, `/api/v1/meetings/${first}/decisions`, { text: "Weekly" })).json()
      .decision;
    const later = await post(org.member, `/api/v1/meetings/${nextId}/decisions`, {
      text: "Fortnightly",
      supersedes: old.id,
    });
    expect(later.statusCode).toBe(201);
    expect(later.json().decision.supersedes).toBe(old.id);

    const other = await meeting();
    const foreignItem = (
      await post(org.member, `/api/v1/meetings/${other.id}/agenda-items`, { title: "X", outcome: "inform" })
    ).json().item.id;
    const badItem = await post(org.member, `/api/v1/meetings/${first}/decisions`, {
      text: "No",
      agendaItemId: foreignItem,
    });
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().error.details.fields[0].path).toBe("agendaItemId");
    const otherDecision = (
      await post(org.member, `/api/v1/meetings/${other.id}/decisions`, { text: "Other" })
    ).json().decision.id;
    const badSupersedes = await post(org.member, `/api/v1/meetings/${first}/decisions`, {
      text: "No",
      supersedes: otherDecision,
    });
    expect(badSupersedes.statusCode).toBe(400);
    expect(badSupersedes.json().error.details.fields[0].path).toBe("supersedes");
  });

  it("refuses an empty text and a cancelled meeting", async () => {
    const m = await meeting();
    const empty = await post(org.member, `/api/v1/meetings/${m.id}/decisions`, { text: "   " });
    expect(empty.statusCode).toBe(400);
    await call(env, "DELETE", `/api/v1/meetings/${m.id}`, { as: org.member.caller });
    const cancelled = await post(org.member, `/api/v1/meetings/${m.id}/decisions`, { text: "Too late" });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.message).toMatch(/cancelled/);
  });
});

describe("action items", () => {
  it("gives an item to an attendee and tells them; not when they give it to themselves", async () => {
    const m = await meeting();
    const res = await post(org.member, `/api/v1/meetings/${m.id}/action-items`, {
      text: "Draft the plan",
      ownerId: org.manager.person.id,
      due: "2030-02-01",
    });
    expect(res.statusCode).toBe(201);
    const item = res.json().actionItem;
    expect(item).toEqual({
      id: expect.any(String),
      meetingId: m.id,
      updateId: null,
      meetingTitle: "Discuss",
      text: "Draft the plan",
      ownerId: org.manager.person.id,
      due: "2030-02-01",
      status: "open",
      createdAt: expect.any(String),
      carriedFrom: null,
    });
    expect(await assigned(item.id)).toEqual([
      { to: org.manager.person.id, body: "Draft the plan (due 2030-02-01)", link: `/meetings/${m.id}` },
    ]);
    const own = await post(org.manager, `/api/v1/meetings/${m.id}/action-items`, {
      text: "Mine",
      ownerId: org.manager.person.id,
    });
    expect(own.statusCode).toBe(201);
    expect(await assigned(own.json().actionItem.id)).toEqual([]);
  });

  it("keeps a one-to-one's action item text out of the notification (webhooks see notifications)", async () => {
    const m = await meeting({ kind: "one_to_one" });
    const res = await post(org.member, `/api/v1/meetings/${m.id}/action-items`, {
      text: "Talk about the promotion",
      ownerId: org.manager.person.id,
    });
    const [told] = await assigned(res.json().actionItem.id);
    expect(told?.body).not.toContain("promotion");
  });

  it("refuses an owner who is not invited, and bad inputs", async () => {
    const m = await meeting();
    const outsider = await post(org.member, `/api/v1/meetings/${m.id}/action-items`, {
      text: "Do it",
      ownerId: org.hr.person.id,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details.fields[0].path).toBe("ownerId");
    const badDue = await post(org.member, `/api/v1/meetings/${m.id}/action-items`, {
      text: "Do it",
      ownerId: org.member.person.id,
      due: "tomorrow",
    });
    expect(badDue.statusCode).toBe(400);
  });

  it("lets the owner or anyone of the meeting change an item; 404 to everyone else", async () => {
    const m = await meeting();
    const id = (
      await post(org.member, `/api/v1/meetings/${m.id}/action-items`, {
        text: "A",
        ownerId: org.manager.person.id,
      })
    ).json().actionItem.id;
    const byOwner = await call(env, "PATCH", `/api/v1/action-items/${id}`, {
      as: org.manager.caller,
      body: { status: "done", text: "A, done" },
    });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().actionItem).toMatchObject({ status: "done", text: "A, done", due: null });
    const byOrganiser = await call(env, "PATCH", `/api/v1/action-items/${id}`, {
      as: org.member.caller,
      body: { status: "open", due: "2030-03-01" },
    });
    expect(byOrganiser.json().actionItem).toMatchObject({
      status: "open",
      text: "A, done",
      due: "2030-03-01",
    });
    for (const who of [org.hr, org.admin, org.owner]) {
      const res = await call(env, "PATCH", `/api/v1/action-items/${id}`, {
        as: who.caller,
        body: { status: "done" },
      });
      expect(res.statusCode).toBe(404);
    }
    const bad = await call(env, "PATCH", `/api/v1/action-items/${id}`, {
      as: org.member.caller,
      body: { status: "later" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("lists my open action items across meetings, soonest due first, undated last", async () => {
    const o = await makeOrg(env);
    const m1 = (await buildMeeting(env, { org: o, title: "First" })).meeting;
    const m2 = (await buildMeeting(env, { org: o, title: "Second" })).meeting;
    const give = (meetingId: string, text: string, ownerId: string, due?: string) =>
      post(o.member, `/api/v1/meetings/${meetingId}/action-items`, {
        text,
        ownerId,
        ...(due ? { due } : {}),
      });
    await give(m1.id, "Undated", o.manager.person.id);
    await give(m2.id, "Later", o.manager.person.id, "2030-05-01");
    await give(m1.id, "Sooner", o.manager.person.id, "2030-04-01");
    await give(m2.id, "Organiser's", o.member.person.id);
    const done = (await give(m1.id, "Done", o.manager.person.id, "2030-01-01")).json().actionItem.id;
    await call(env, "PATCH", `/api/v1/action-items/${done}`, {
      as: o.manager.caller,
      body: { status: "done" },
    });

    const mine = await call(env, "GET", "/api/v1/action-items?owner=me&status=open", {
      as: o.manager.caller,
    });
    expect(mine.statusCode).toBe(200);
    expect(
      mine.json().actionItems.map((a: { text: string; meetingTitle: string }) => [a.text, a.meetingTitle]),
    ).toEqual([
      ["Sooner", "First"],
      ["Later", "Second"],
      ["Undated", "First"],
    ]);
    const all = await call(env, "GET", "/api/v1/action-items", { as: o.manager.caller });
    expect(all.json().actionItems.map((a: { text: string }) => a.text)).toEqual([
      "Done",
      "Sooner",
      "Later",
      "Undated",
      "Organiser's",
    ]);
    // HR and admins, invited to none of these meetings, see none of their items.
    for (const who of [o.hr, o.admin]) {
      const res = await call(env, "GET", "/api/v1/action-items", { as: who.caller });
      expect(res.json().actionItems).toEqual([]);
    }
    const bad = await call(env, "GET", "/api/v1/action-items?owner=you", { as: o.manager.caller });
    expect(bad.statusCode).toBe(400);
  });
});

describe("a meeting's outcomes to people not in it", () => {
  it("answers 404 to HR and admins on every outcome route", async () => {
    const m = await meeting({ kind: "one_to_one" });
    const base = `/api/v1/meetings/${m.id}`;
    for (const who of [org.hr, org.admin, org.owner]) {
      const answers = await Promise.all([
        post(who, `${base}/decisions`, { text: "X" }),
        post(who, `${base}/action-items`, { text: "X", ownerId: who.person.id }),
        post(who, `${base}/complete`, undefined),
        post(who, `${base}/rating`, { worthIt: 3, couldBeAsync: false }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    }
  });
});
