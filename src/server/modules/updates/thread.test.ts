import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { notifications } from "../notifications";
import { buildThread } from "./thread.fixtures";
import { updateAcknowledgements, updateResponders, updateResponses, updates } from "./updates.table";

let env: TestEnv;
let org: TestOrg;
let priya: TestPerson;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
  priya = await org.add("member", { name: "Priya Shah" });
});

const post = (who: TestPerson, url: string, body?: unknown) =>
  call(env, "POST", url, { as: who.caller, ...(body === undefined ? {} : { body }) });
const comment = (who: TestPerson, id: string, body: unknown) =>
  post(who, `/api/v1/updates/${id}/comments`, body);

/** Who was told what about an update's thread (not its posting), as `kind:personId` pairs. */
const toldAbout = async (updateId: string) =>
  (
    await env.deps.db
      .select({ kind: notifications.kind, to: notifications.recipientId })
      .from(notifications)
      .where(
        and(
          eq(notifications.objectId, updateId),
          inArray(notifications.kind, ["update.commented", "update.mentioned", "update.decided"]),
        ),
      )
  )
    .map((n) => `${n.kind}:${n.to}`)
    .sort();

const answeredAt = async (updateId: string, who: TestPerson) => {
  const [row] = await env.deps.db
    .select({ at: updateResponders.answeredAt })
    .from(updateResponders)
    .where(and(eq(updateResponders.updateId, updateId), eq(updateResponders.personId, who.person.id)));
  return row?.at ?? null;
};

describe("comments", () => {
  it("lets the audience comment, rendering markdown, and refuses everyone else with 404", async () => {
    const outsider = await org.add("member");
    const u = await buildThread(env, org, { people: [org.manager] });
    const res = await comment(org.manager, u.id, { body: "  **Yes**, please  " });
    expect(res.statusCode).toBe(201);
    expect(res.json().comment).toEqual({
      id: expect.any(String),
      parentId: null,
      authorId: org.manager.person.id,
      authorName: org.manager.person.name,
      body: "**Yes**, please",
      html: "<p><strong>Yes</strong>, please</p>\n",
      createdAt: expect.any(String),
      atMs: null,
    });
    for (const who of [outsider, org.admin, org.owner, org.hr]) {
      const refused = await comment(who, u.id, { body: "Me too" });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.message).toBe("Update not found");
    }
    const foreign = await makeOrg(env);
    expect((await comment(foreign.member, u.id, { body: "Hi" })).statusCode).toBe(404);
  });

  it("allows one level of replies, like Basecamp", async () => {
    const u = await buildThread(env, org);
    const top = (await comment(org.manager, u.id, { body: "First" })).json().comment;
    const reply = await comment(org.member, u.id, { body: "Reply", parentId: top.id });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().comment.parentId).toBe(top.id);
    const deeper = await comment(org.manager, u.id, { body: "Deeper", parentId: reply.json().comment.id });
    expect(deeper.statusCode).toBe(400);
    expect(deeper.json().error.message).toBe(
      "Parent id: replies go one level deep; reply to the first comment of this thread",
    );
    expect(deeper.json().error.details.fields[0].path).toBe("parentId");
    const other = await buildThread(env, org);
    const elsewhere = await comment(org.manager, other.id, { body: "Wrong thread", parentId: top.id });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details.fields[0].path).toBe("parentId");
  });

  it("refuses empty, oversized and unknown input with sentences", async () => {
    const u = await buildThread(env, org);
    const empty = await comment(org.member, u.id, { body: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/must not be empty/);
    expect((await comment(org.member, u.id, { body: "x".repeat(20_001) })).statusCode).toBe(400);
    expect((await comment(org.member, u.id, { body: "Hi", extra: 1 })).statusCode).toBe(400);
    expect((await comment(org.member, u.id, { body: "Hi", parentId: "nope" })).statusCode).toBe(400);
    expect((await comment(org.member, "not-a-uuid", { body: "Hi" })).statusCode).toBe(400);
  });

  it("sets a required responder's answered_at on their first comment only", async () => {
    const u = await buildThread(env, org, { responders: [org.manager] });
    expect(await answeredAt(u.id, org.manager)).toBeNull();
    await comment(org.member, u.id, { body: "Author's note" });
    expect(await answeredAt(u.id, org.manager)).toBeNull();
    await comment(org.manager, u.id, { body: "Answer" });
    const first = await answeredAt(u.id, org.manager);
    expect(first).toBeInstanceOf(Date);
    await comment(org.manager, u.id, { body: "Another" });
    expect(await answeredAt(u.id, org.manager)).toEqual(first);
  });

  it("tells the author and earlier commenters, and those mentioned instead; never the commenter", async () => {
    const u = await buildThread(env, org, { people: [org.manager, org.hr, priya] });
    await comment(org.manager, u.id, { body: "First" });
    expect(await toldAbout(u.id)).toEqual([`update.commented:${org.member.person.id}`]);
    await comment(org.hr, u.id, { body: "What does @Priya Shah think? And @Olive Owner?" });
    // Olive (the owner) is not addressed: no message about a thread she cannot open.
    expect(await toldAbout(u.id)).toEqual(
      [
        `update.commented:${org.member.person.id}`,
        `update.commented:${org.member.person.id}`,
        `update.commented:${org.manager.person.id}`,
        `update.mentioned:${priya.person.id}`,
      ].sort(),
    );
    const [message] = await env.deps.db
      .select({ body: notifications.body, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.objectId, u.id), eq(notifications.kind, "update.mentioned")));
    expect(message?.link).toBe(`/updates/${u.id}`);
    expect(message?.body).not.toContain("What does");
  });

  it("refuses a comment on a closed thread (409)", async () => {
    const u = await buildThread(env, org);
    await env.deps.db.update(updates).set({ closedAt: new Date() }).where(eq(updates.id, u.id));
    const res = await comment(org.manager, u.id, { body: "Late" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("This thread is closed, so it takes no more comments.");
  });
});

describe("reactions", () => {
  it("groups reactions per emoji with people and mine; the same emoji again removes it", async () => {
    const u = await buildThread(env, org);
    const react = (who: TestPerson, emoji: string) =>
      post(who, `/api/v1/updates/${u.id}/reactions`, { emoji });
    await react(org.manager, "👍");
    const res = await react(org.member, "👍");
    expect(res.statusCode).toBe(200);
    expect(res.json().reactions).toEqual([
      {
        emoji: "👍",
        count: 2,
        people: [
          { personId: org.manager.person.id, name: org.manager.person.name },
          { personId: org.member.person.id, name: org.member.person.name },
        ],
        mine: true,
      },
    ]);
    const more = await react(org.manager, "🎉");
    expect(more.json().reactions.map((r: { emoji: string; mine: boolean }) => [r.emoji, r.mine])).toEqual([
      ["👍", true],
      ["🎉", true],
    ]);
    const toggled = await react(org.member, "👍");
    const shown = toggled
      .json()
      .reactions.map((r: { emoji: string; count: number; mine: boolean }) => [r.emoji, r.count, r.mine]);
    expect(shown).toEqual([
      ["👍", 1, false],
      ["🎉", 1, false],
    ]);
  });

  it("refuses an emoji outside the set, and outsiders", async () => {
    const u = await buildThread(env, org, { people: [org.manager] });
    const bad = await post(org.manager, `/api/v1/updates/${u.id}/reactions`, { emoji: "💩" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/must be one of/);
    expect((await post(org.admin, `/api/v1/updates/${u.id}/reactions`, { emoji: "👍" })).statusCode).toBe(
      404,
    );
  });
});

describe("acknowledgements", () => {
  it("says Got it once, answering for a required responder, and answers the whole update", async () => {
    const u = await buildThread(env, org, {
      kind: "announcement",
      people: [org.manager],
      responders: [org.manager],
    });
    const first = await post(org.manager, `/api/v1/updates/${u.id}/acknowledgements`);
    expect(first.statusCode).toBe(200);
    expect(first.json().update.id).toBe(u.id);
    expect(await answeredAt(u.id, org.manager)).toBeInstanceOf(Date);
    expect((await post(org.manager, `/api/v1/updates/${u.id}/acknowledgements`)).statusCode).toBe(200);
    const rows = await env.deps.db
      .select()
      .from(updateAcknowledgements)
      .where(eq(updateAcknowledgements.updateId, u.id));
    expect(rows.map((r) => r.personId)).toEqual([org.manager.person.id]);
    expect((await post(org.admin, `/api/v1/updates/${u.id}/acknowledgements`)).statusCode).toBe(404);
  });
});

describe("proposal responses", () => {
  const respond = (who: TestPerson, id: string, body: unknown) =>
    post(who, `/api/v1/updates/${id}/responses`, body);

  it("keeps one answer per person, replaced by answering again, and answers for a responder", async () => {
    const u = await buildThread(env, org, { responders: [org.manager] });
    const first = await respond(org.manager, u.id, { stance: "disagree", comment: "Too early" });
    expect(first.statusCode).toBe(200);
    expect(first.json().update.id).toBe(u.id);
    expect(await answeredAt(u.id, org.manager)).toBeInstanceOf(Date);
    await respond(org.manager, u.id, { stance: "agree" });
    const rows = await env.deps.db.select().from(updateResponses).where(eq(updateResponses.updateId, u.id));
    expect(rows.map((r) => [r.personId, r.stance, r.comment])).toEqual([
      [org.manager.person.id, "agree", null],
    ]);
  });

  it("takes answers on open proposals only", async () => {
    const status = await buildThread(env, org, { kind: "status" });
    const notProposal = await respond(org.manager, status.id, { stance: "agree" });
    expect(notProposal.statusCode).toBe(409);
    expect(notProposal.json().error.message).toMatch(/Only a proposal takes/);
    const closed = await buildThread(env, org);
    await env.deps.db.update(updates).set({ closedAt: new Date() }).where(eq(updates.id, closed.id));
    expect((await respond(org.manager, closed.id, { stance: "agree" })).statusCode).toBe(409);
    const bad = await respond(org.manager, closed.id, { stance: "maybe" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/must be agree, disagree or abstain/);
  });
});

describe("decision", () => {
  const decide = (who: TestPerson, id: string, body: unknown) =>
    post(who, `/api/v1/updates/${id}/decision`, body);

  it("lets the author decide, closing the thread, telling its people and auditing it; a second is 409", async () => {
    const u = await buildThread(env, org, { responders: [org.hr] });
    expect((await comment(org.manager, u.id, { body: "Fine by me" })).statusCode).toBe(201);
    expect((await post(priya, `/api/v1/updates/${u.id}/responses`, { stance: "abstain" })).statusCode).toBe(
      200,
    );
    const res = await decide(org.member, u.id, { text: "  We move it  " });
    expect(res.statusCode).toBe(201);
    expect(res.json().decision).toEqual({
      id: expect.any(String),
      text: "We move it",
      source: { type: "update", id: u.id, title: u.title },
      decidedBy: { personId: org.member.person.id, name: org.member.person.name },
      decidedAt: expect.any(String),
      supersedes: null,
      supersededBy: null,
      teamId: null,
    });
    const [closed] = await env.deps.db.select().from(updates).where(eq(updates.id, u.id));
    expect(closed?.closedAt).toBeInstanceOf(Date);
    const decided = (await toldAbout(u.id)).filter((t) => t.startsWith("update.decided"));
    expect(decided).toEqual([org.hr, org.manager, priya].map((p) => `update.decided:${p.person.id}`).sort());
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "update.decided"), eq(auditLog.targetId, u.id)));
    expect(audit.map((a) => a.actorId)).toEqual([org.member.person.id]);
    const again = await decide(org.member, u.id, { text: "Again" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("This thread already has a decision");
    expect((await comment(org.manager, u.id, { body: "Late" })).statusCode).toBe(409);
  });

  it("refuses a member who neither wrote it nor leads (403) and lets a team lead decide", async () => {
    const lead = await org.add("member");
    const { team } = await buildTeam(env, { org, lead, members: [org.manager] });
    const u = await buildThread(env, org, { teamId: team.id, author: org.manager });
    const refused = await decide(org.member, u.id, { text: "Nope" });
    expect(refused.statusCode).toBe(404);
    const teammate = await org.add("member");
    const { team: other } = await buildTeam(env, { org, members: [teammate, org.hr] });
    const v = await buildThread(env, org, { teamId: other.id, author: org.hr });
    const forbidden = await decide(teammate, v.id, { text: "Mine" });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toMatch(/record this thread's decision/);
    const led = await decide(lead, u.id, { text: "Lead decides" });
    expect(led.statusCode).toBe(201);
    expect(led.json().decision.teamId).toBe(team.id);
  });

  it("refuses supersedes naming no decision, and bad input", async () => {
    const u = await buildThread(env, org);
    const missing = await decide(org.member, u.id, { text: "X", supersedes: crypto.randomUUID() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe("Supersedes: no such decision");
    expect(missing.json().error.details.fields[0].path).toBe("supersedes");
    expect((await decide(org.member, u.id, { text: "" })).statusCode).toBe(400);
    expect((await decide(org.member, u.id, { text: "X", supersedes: "old" })).statusCode).toBe(400);
    const [still] = await env.deps.db.select().from(updates).where(eq(updates.id, u.id));
    expect(still?.closedAt).toBeNull();
  });
});
