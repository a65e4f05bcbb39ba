import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildUpdate } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { meetingDecisions } from "../meetings/meetings.table";
import {
  updateAcknowledgements,
  updateComments,
  updateDecisions,
  updateReactions,
  updateResponders,
  updateResponses,
  updateSeen,
  updates,
} from "./updates.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const read = (as: TestPerson, id: string) => call(env, "GET", `/api/v1/updates/${id}`, { as: as.caller });
const patch = (as: TestPerson, id: string, body: Record<string, unknown>) =>
  call(env, "PATCH", `/api/v1/updates/${id}`, { as: as.caller, body });
const remove = (as: TestPerson, id: string) =>
  call(env, "DELETE", `/api/v1/updates/${id}`, { as: as.caller });
const seen = (as: TestPerson, id: string) =>
  call(env, "POST", `/api/v1/updates/${id}/seen`, { as: as.caller });

/** A proposal the member writes to the manager (named), with the HR person as required responder. */
const proposal = (o: TestOrg) =>
  buildUpdate(env, {
    org: o,
    kind: "proposal",
    title: "Move standup",
    body: "Move it to **10:00**. <script>alert(1)</script>",
    audience: { personIds: [o.manager.person.id] },
    responders: [o.hr],
  }).then((b) => b.update);

describe("GET /api/v1/updates/:id", () => {
  it("shows the whole thread, writes nothing, and says what the viewer may do", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    const ref = { updateId: update.id, organisationId: o.organisation.id };
    const [comment] = await env.deps.db
      .insert(updateComments)
      .values({ ...ref, authorId: o.manager.person.id, body: "Fine by *me*" })
      .returning();
    await env.deps.db.insert(updateReactions).values([
      { ...ref, personId: o.manager.person.id, emoji: "👍" },
      { ...ref, personId: o.hr.person.id, emoji: "👍" },
      { ...ref, personId: o.hr.person.id, emoji: "🎉" },
    ]);
    await env.deps.db.insert(updateAcknowledgements).values({ ...ref, personId: o.manager.person.id });
    await env.deps.db.insert(updateResponses).values({ ...ref, personId: o.hr.person.id, stance: "agree" });
    const [decision] = await env.deps.db
      .insert(updateDecisions)
      .values({ ...ref, text: "10:00 it is", recordedBy: o.member.person.id })
      .returning();
    const [later] = await env.deps.db
      .insert(meetingDecisions)
      .values({
        organisationId: o.organisation.id,
        meetingId: (await buildMeeting(env, { org: o, kind: "incident" })).meeting.id,
        text: "Back to 9:30",
        supersedes: decision?.id,
        recordedBy: o.member.person.id,
      })
      .returning();

    const { result: res, writes } = await writesDuring(() => read(o.manager, update.id));
    expect(writes).toEqual([]);
    const view = res.json().update;
    expect(view.html).toContain("<strong>10:00</strong>");
    expect(view.html).not.toContain("<script>");
    expect(view.comments).toEqual([
      expect.objectContaining({
        id: comment?.id,
        authorName: o.manager.person.name,
        html: "<p>Fine by <em>me</em></p>\n",
      }),
    ]);
    expect(view.reactions).toEqual([
      expect.objectContaining({ emoji: "👍", count: 2, mine: true }),
      expect.objectContaining({ emoji: "🎉", count: 1, mine: false }),
    ]);
    expect(view.acknowledgements).toEqual([expect.objectContaining({ personId: o.manager.person.id })]);
    expect(view.tally).toEqual({ agree: 1, disagree: 0, abstain: 0 });
    expect(view.decision).toMatchObject({
      text: "10:00 it is",
      source: { type: "update", id: update.id, title: "Move standup" },
      decidedBy: { personId: o.member.person.id, name: o.member.person.name },
      supersededBy: later?.id,
    });
    expect(view.seenBy).toEqual([]);
    expect(view.can).toEqual({ edit: false, delete: false, decide: false, respond: true });
    expect((await read(o.member, update.id)).json().update.can).toMatchObject({ edit: true, delete: true });
  });
});

describe("POST /api/v1/updates/:id/seen", () => {
  it("records the first opening once, names the readers to the author only, and clears unread", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    expect(
      (await call(env, "GET", "/api/v1/updates", { as: o.manager.caller })).json().updates[0].unread,
    ).toBe(true);
    expect((await seen(o.manager, update.id)).statusCode).toBe(204);
    expect((await seen(o.manager, update.id)).statusCode).toBe(204);
    expect((await seen(o.member, update.id)).statusCode).toBe(204); // the author's own opening is not recorded
    const rows = await env.deps.db.select().from(updateSeen).where(eq(updateSeen.updateId, update.id));
    expect(rows.map((r) => r.personId)).toEqual([o.manager.person.id]);
    expect((await read(o.member, update.id)).json().update.seenBy).toEqual([
      expect.objectContaining({ personId: o.manager.person.id, name: o.manager.person.name }),
    ]);
    expect((await read(o.hr, update.id)).json().update.seenBy).toEqual([]);
    expect(
      (await call(env, "GET", "/api/v1/updates", { as: o.manager.caller })).json().updates[0].unread,
    ).toBe(false);
    expect((await seen(o.admin, update.id)).statusCode).toBe(404);
  });
});

describe("PATCH /api/v1/updates/:id", () => {
  it("keeps each earlier text as a version, newest first", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    expect((await patch(o.member, update.id, { body: "Second" })).statusCode).toBe(200);
    const res = await patch(o.member, update.id, { title: "Move standup later", body: "Third" });
    const view = res.json().update;
    expect(view).toMatchObject({ title: "Move standup later", body: "Third", editedAt: expect.any(String) });
    expect(view.versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [2, "Second"],
      [1, "Move it to **10:00**. <script>alert(1)</script>"],
    ]);
    expect(view.versions[1].html).not.toContain("<script>");
    const [row] = await env.deps.db.select().from(updates).where(eq(updates.id, update.id));
    expect(row?.version).toBe(3);
  });

  it("an urgency change keeps the version and the reply-by already given", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    const view = (await patch(o.member, update.id, { urgency: "urgent" })).json().update;
    expect(view).toMatchObject({ urgency: "urgent", versions: [], replyBy: update.replyBy });
  });

  it("answers 403 to a recipient, 404 to anyone else, 409 once closed, 400 for nothing to change", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    expect((await patch(o.manager, update.id, { body: "Mine now" })).statusCode).toBe(403);
    expect((await patch(o.admin, update.id, { body: "Mine now" })).statusCode).toBe(404);
    expect((await patch(o.member, update.id, {})).statusCode).toBe(400);
    await env.deps.db.update(updates).set({ closedAt: new Date() }).where(eq(updates.id, update.id));
    const closed = await patch(o.member, update.id, { body: "Too late" });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/^This thread is closed/);
    expect((await read(o.member, update.id)).json().update.body).not.toBe("Too late");
  });
});

describe("DELETE /api/v1/updates/:id", () => {
  it("lets its author delete it, with everything of the thread, audited", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    expect((await remove(o.manager, update.id)).statusCode).toBe(403);
    expect((await remove(o.hr, update.id)).statusCode).toBe(403); // a required responder reads it
    expect((await remove(o.member, update.id)).statusCode).toBe(204);
    expect((await read(o.member, update.id)).statusCode).toBe(404);
    expect(
      await env.deps.db.select().from(updateResponders).where(eq(updateResponders.updateId, update.id)),
    ).toEqual([]);
    const audit = await env.deps.db.select().from(auditLog).where(eq(auditLog.targetId, update.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["update.posted", "update.deleted"]));
  });

  it("lets an admin who cannot read it delete it; others outside it get 404", async () => {
    const o = await makeOrg(env);
    const update = await proposal(o);
    const outsider = await o.add("manager");
    expect((await remove(outsider, update.id)).statusCode).toBe(404);
    expect((await read(o.admin, update.id)).statusCode).toBe(404);
    expect((await remove(o.admin, update.id)).statusCode).toBe(204);
    expect((await remove(o.admin, update.id)).statusCode).toBe(404);
  });
});
