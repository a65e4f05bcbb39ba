import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { liveEvents } from "../../platform/events/live-events.table";
import { INFORM_NUDGE } from "./agenda.service";
import { meetings } from "./meetings.table";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** A meeting the member organises with the manager attending. */
const meeting = async () => (await buildMeeting(env, { org })).meeting;

const addItem = (who: TestPerson, meetingId: string, body: Record<string, unknown>) =>
  call(env, "POST", `/api/v1/meetings/${meetingId}/agenda-items`, { as: who.caller, body });

const changes = async (meetingId: string) =>
  (
    await env.deps.db
      .select({ n: count() })
      .from(liveEvents)
      .where(and(eq(liveEvents.type, "meeting.changed"), eq(liveEvents.objectId, meetingId)))
  )[0]?.n ?? 0;

describe("agenda items", () => {
  it("appends items in order for the organiser and attendees, nudging items that only inform", async () => {
    const m = await meeting();
    const before = await changes(m.id);
    const first = await addItem(org.member, m.id, { title: "Budget", outcome: "decide", minutes: 10 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      item: {
        id: expect.any(String),
        meetingId: m.id,
        position: 0,
        title: "Budget",
        ownerId: null,
        minutes: 10,
        outcome: "decide",
        notes: "",
        status: "open",
        carriedFrom: null,
      },
    });
    const second = await addItem(org.manager, m.id, {
      title: "Release dates",
      outcome: "inform",
      ownerId: org.manager.person.id,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      item: { position: 1, ownerId: org.manager.person.id },
      nudge: INFORM_NUDGE,
    });
    // Each write tells the meeting's people (the live agenda).
    expect(await changes(m.id)).toBe(before + 2);
  });

  it("refuses an owner who is neither the organiser nor an attendee, in words", async () => {
    const m = await meeting();
    const res = await addItem(org.member, m.id, {
      title: "Hiring",
      outcome: "discuss",
      ownerId: org.hr.person.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Owner must be the organiser or one of the attendees");
    const patched = await addItem(org.member, m.id, { title: "Hiring", outcome: "discuss" });
    const item = patched.json().item;
    const bad = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
      as: org.member.caller,
      body: { ownerId: org.admin.person.id },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("answers 404 to everyone who is not the meeting's, HR and admins included", async () => {
    const m = await meeting();
    const item = (await addItem(org.member, m.id, { title: "Plan", outcome: "discuss" })).json().item;
    const outsider = await makeOrg(env);
    for (const who of [org.owner, org.admin, org.hr, outsider.admin]) {
      expect((await addItem(who, m.id, { title: "Mine", outcome: "discuss" })).statusCode).toBe(404);
      const patch = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
        as: who.caller,
        body: { status: "covered" },
      });
      expect(patch.statusCode).toBe(404);
      expect(patch.json().error.message).toBe("Agenda item not found");
      const del = await call(env, "DELETE", `/api/v1/agenda-items/${item.id}`, { as: who.caller });
      expect(del.statusCode).toBe(404);
      const order = await call(env, "PUT", `/api/v1/meetings/${m.id}/agenda-order`, {
        as: who.caller,
        body: { itemIds: [item.id] },
      });
      expect(order.statusCode).toBe(404);
    }
  });

  it("changes an item's fields and status, and deletes it", async () => {
    const m = await meeting();
    const item = (await addItem(org.member, m.id, { title: "Plan", outcome: "discuss", minutes: 5 })).json()
      .item;
    const res = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
      as: org.manager.caller,
      body: {
        title: "Plan Q3",
        status: "covered",
        notes: "Agreed on scope",
        minutes: null,
        ownerId: org.member.person.id,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      item: {
        ...item,
        title: "Plan Q3",
        status: "covered",
        notes: "Agreed on scope",
        minutes: null,
        ownerId: org.member.person.id,
      },
    });
    const inform = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
      as: org.manager.caller,
      body: { outcome: "inform" },
    });
    expect(inform.json().nudge).toBe(INFORM_NUDGE);

    const bad = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
      as: org.manager.caller,
      body: { status: "done" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("Status must be open or covered");

    const del = await call(env, "DELETE", `/api/v1/agenda-items/${item.id}`, { as: org.member.caller });
    expect(del.statusCode).toBe(204);
    const again = await call(env, "DELETE", `/api/v1/agenda-items/${item.id}`, { as: org.member.caller });
    expect(again.statusCode).toBe(404);
  });

  it("refuses bad items in words", async () => {
    const m = await meeting();
    const res = await addItem(org.member, m.id, { title: "", outcome: "chat", minutes: 0 });
    expect(res.statusCode).toBe(400);
    const message = res.json().error.message;
    expect(message).toContain("Outcome must be inform, discuss or decide");
    expect(message).toContain("Minutes must be more than 0");
  });

  it("keeps a cancelled meeting's agenda as it was (409)", async () => {
    const m = await meeting();
    const item = (await addItem(org.member, m.id, { title: "Plan", outcome: "discuss" })).json().item;
    await env.deps.db.update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, m.id));
    const add = await addItem(org.member, m.id, { title: "More", outcome: "discuss" });
    expect(add.statusCode).toBe(409);
    expect(add.json().error.message).toBe("This meeting was cancelled, so its agenda can no longer change.");
    const patch = await call(env, "PATCH", `/api/v1/agenda-items/${item.id}`, {
      as: org.member.caller,
      body: { status: "covered" },
    });
    expect(patch.statusCode).toBe(409);
  });
});

describe("agenda order", () => {
  const reorder = (meetingId: string, itemIds: string[]) =>
    call(env, "PUT", `/api/v1/meetings/${meetingId}/agenda-order`, {
      as: org.manager.caller,
      body: { itemIds },
    });

  it("rewrites the positions to the order given", async () => {
    const m = await meeting();
    const ids: string[] = [];
    for (const title of ["One", "Two", "Three"])
      ids.push((await addItem(org.member, m.id, { title, outcome: "discuss" })).json().item.id);
    const res = await reorder(m.id, [ids[2] ?? "", ids[0] ?? "", ids[1] ?? ""]);
    expect(res.statusCode).toBe(200);
    expect(res.json().agenda.map((i: { title: string; position: number }) => [i.title, i.position])).toEqual([
      ["Three", 0],
      ["One", 1],
      ["Two", 2],
    ]);
    // An item added afterwards goes last.
    const four = await addItem(org.member, m.id, { title: "Four", outcome: "discuss" });
    expect(four.json().item.position).toBe(3);
  });

  it("names what is missing, extra or repeated, and changes nothing", async () => {
    const m = await meeting();
    const other = await meeting();
    const a = (await addItem(org.member, m.id, { title: "Alpha", outcome: "discuss" })).json().item.id;
    const b = (await addItem(org.member, m.id, { title: "Beta", outcome: "discuss" })).json().item.id;
    const foreign = (await addItem(org.member, other.id, { title: "Gamma", outcome: "discuss" })).json().item
      .id;

    const missing = await reorder(m.id, [b]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe(
      'The order leaves out "Alpha"; list every item of the agenda exactly once',
    );
    const extra = await reorder(m.id, [b, a, foreign]);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain(`names what is not on this agenda (${foreign})`);
    const twice = await reorder(m.id, [a, b, a]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.fields).toEqual([
      { path: "itemIds[2]", message: expect.stringContaining("appears twice") },
    ]);
    const notIds = await reorder(m.id, ["first"]);
    expect(notIds.statusCode).toBe(400);

    const unchanged = await reorder(m.id, [a, b]);
    expect(unchanged.json().agenda.map((i: { id: string }) => i.id)).toEqual([a, b]);
  });
});
