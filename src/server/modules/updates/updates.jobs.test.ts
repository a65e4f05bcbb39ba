import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam, buildTeamAgreement, buildUpdate } from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { type TestEnv, testEnv } from "../../../../test/support/harness";
import type { Clock } from "../../platform/clock";
import { liveEvents } from "../../platform/events/live-events.table";
import { notifications } from "../notifications";
import { remindReplyBy } from "./reply-reminders";
import { flagStalledThreads } from "./stall-sweep";
import { acknowledge, addComment, decide, respond } from "./thread.service";
import { updateResponders, updates } from "./updates.table";

let env: TestEnv;
let realClock: Clock;
beforeAll(async () => {
  env = await testEnv();
  realClock = env.deps.clock;
});
afterAll(() => {
  env.deps.clock = realClock;
});

const at = (iso: string) => {
  env.deps.clock = { now: () => new Date(iso) };
};
/** Monday 7 January 2030, 09:00 in London (UTC in winter): the start of everyone's default day. */
const MONDAY_9 = "2030-01-07T09:00:00Z";

const told = (updateId: string, kind: "update.reply_reminder" | "update.stalled") =>
  env.deps.db
    .select({
      to: notifications.recipientId,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      deliverAt: notifications.deliverAt,
    })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.objectId, updateId)))
    .orderBy(notifications.createdAt);

const respondersOf = (updateId: string) =>
  env.deps.db
    .select({
      personId: updateResponders.personId,
      remindAt: updateResponders.remindAt,
      lateRemindAt: updateResponders.lateRemindAt,
      replyBy: updateResponders.replyBy,
    })
    .from(updateResponders)
    .where(eq(updateResponders.updateId, updateId));

const stalledAt = async (id: string) =>
  (await env.deps.db.select({ at: updates.stalledAt }).from(updates).where(eq(updates.id, id)))[0]?.at;

/** A question from the manager at Monday 09:00 (normal urgency: 8 working hours) to `responders`. */
async function question(o: TestOrg, responders: TestPerson[], extra: Record<string, unknown> = {}) {
  at(MONDAY_9);
  const { update } = await buildUpdate(env, {
    org: o,
    author: o.manager,
    kind: "question",
    responders,
    ...extra,
  });
  return update;
}

describe("the reply-by reminders (remind-reply-by)", () => {
  it("reminds at about 50% and 90% of each responder's own hours, once each, never after they answered", async () => {
    const o = await makeOrg(env);
    const york = await o.add("member", { timeZone: "America/New_York" });
    const answering = await o.add("member");
    const update = await question(o, [o.member, york, answering]);
    // London 09:00–17:00 is 09:00–17:00Z; New York's is 14:00–22:00Z: each reminder inside their hours.
    const rows = new Map((await respondersOf(update.id)).map((r) => [r.personId, r]));
    expect(rows.get(o.member.person.id)).toMatchObject({
      remindAt: new Date("2030-01-07T13:00:00Z"),
      lateRemindAt: new Date("2030-01-07T16:12:00Z"),
      replyBy: new Date("2030-01-07T17:00:00Z"),
    });
    expect(rows.get(york.person.id)).toMatchObject({
      remindAt: new Date("2030-01-07T18:00:00Z"),
      lateRemindAt: new Date("2030-01-07T21:12:00Z"),
      replyBy: new Date("2030-01-07T22:00:00Z"),
    });

    at("2030-01-07T10:00:00Z");
    await acknowledge(env.deps, actorOf(answering), update.id);
    at("2030-01-07T12:59:00Z");
    await remindReplyBy(env.deps);
    expect(await told(update.id, "update.reply_reminder")).toEqual([]);

    at("2030-01-07T13:02:00Z");
    await remindReplyBy(env.deps);
    await remindReplyBy(env.deps);
    let sent = await told(update.id, "update.reply_reminder");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: o.member.person.id,
      subject: `Reminder: reply to "${update.title}" by 17:00 on Monday 7 January in Europe/London`,
      link: `/updates/${update.id}`,
      deliverAt: new Date("2030-01-07T13:02:00Z"), // inside their hours: delivered at once
    });

    at("2030-01-07T16:15:00Z");
    await remindReplyBy(env.deps);
    at("2030-01-07T18:00:00Z");
    await remindReplyBy(env.deps);
    await remindReplyBy(env.deps);
    sent = await told(update.id, "update.reply_reminder");
    expect(sent.map((n) => [n.to, n.subject])).toEqual([
      [
        o.member.person.id,
        `Reminder: reply to "${update.title}" by 17:00 on Monday 7 January in Europe/London`,
      ],
      [
        o.member.person.id,
        `Reminder: your reply to "${update.title}" is due soon, by 17:00 on Monday 7 January in Europe/London`,
      ],
      [
        york.person.id,
        `Reminder: reply to "${update.title}" by 17:00 on Monday 7 January in America/New_York`,
      ],
    ]);

    at("2030-01-07T21:13:00Z");
    await remindReplyBy(env.deps);
    at("2030-01-08T12:00:00Z"); // past every reply-by: nothing more
    await remindReplyBy(env.deps);
    sent = await told(update.id, "update.reply_reminder");
    expect(sent).toHaveLength(4);
    expect(sent[3]).toMatchObject({ to: york.person.id, deliverAt: new Date("2030-01-07T21:13:00Z") });
    expect(sent[3]?.body).toContain("which is soon");
    expect(sent.filter((n) => n.to === answering.person.id)).toEqual([]);
  });

  it("sends only the late reminder when a sweep finds both due, and none once the reply-by passed", async () => {
    const o = await makeOrg(env);
    const late = await question(o, [o.member]);
    const missed = await question(o, [o.member]);
    await env.deps.db
      .update(updateResponders)
      .set({ replyBy: new Date("2030-01-07T16:20:00Z") })
      .where(eq(updateResponders.updateId, missed.id));
    at("2030-01-07T16:30:00Z");
    // Two sweeps at once (two instances): the claim lets one of them send.
    await Promise.all([remindReplyBy(env.deps), remindReplyBy(env.deps)]);
    const sent = await told(late.id, "update.reply_reminder");
    expect(sent.map((n) => n.subject)).toEqual([
      `Reminder: your reply to "${late.title}" is due soon, by 17:00 on Monday 7 January in Europe/London`,
    ]);
    expect(await told(missed.id, "update.reply_reminder")).toEqual([]);
  });
});

describe("the stall sweep (flag-stalled-threads)", () => {
  const liveChanges = async (o: TestOrg, updateId: string) =>
    (
      await env.deps.db
        .select({ n: count() })
        .from(liveEvents)
        .where(
          and(
            eq(liveEvents.organisationId, o.organisation.id),
            eq(liveEvents.type, "update.changed"),
            eq(liveEvents.objectId, updateId),
          ),
        )
    )[0]?.n;

  it("flags a thread whose reply-by passed with answers missing, once, telling its people", async () => {
    const o = await makeOrg(env);
    const commenter = await o.add("member");
    const update = await question(o, [o.member]);
    at("2030-01-07T11:00:00Z");
    await addComment(env.deps, actorOf(commenter), update.id, { body: "Following." });

    at("2030-01-07T17:00:00Z"); // the reply-by itself: not passed yet
    await flagStalledThreads(env.deps);
    expect(await stalledAt(update.id)).toBeNull();
    const before = await liveChanges(o, update.id);

    at("2030-01-07T17:15:00Z");
    await Promise.all([flagStalledThreads(env.deps), flagStalledThreads(env.deps)]);
    expect(await stalledAt(update.id)).toEqual(new Date("2030-01-07T17:15:00Z"));
    const sent = await told(update.id, "update.stalled");
    expect(sent.map((n) => n.to).sort()).toEqual(
      [o.manager.person.id, o.member.person.id, commenter.person.id].sort(),
    );
    expect(sent[0]).toMatchObject({
      subject: `"${update.title}" has stalled`,
      body: `**${update.title}** has stalled: the reply-by passed with 1 answer missing. A short meeting is offered on the thread.`,
      link: `/updates/${update.id}`,
    });
    expect(await liveChanges(o, update.id)).toBe(Number(before) + 1);

    at("2030-01-07T18:00:00Z");
    await flagStalledThreads(env.deps);
    expect(await told(update.id, "update.stalled")).toHaveLength(3);
  });

  it("leaves a thread alone once every responder answered", async () => {
    const o = await makeOrg(env);
    const update = await question(o, [o.member]);
    at("2030-01-07T12:00:00Z");
    await addComment(env.deps, actorOf(o.member), update.id, { body: "Yes." });
    at("2030-01-08T12:00:00Z");
    await flagStalledThreads(env.deps);
    expect(await stalledAt(update.id)).toBeNull();
  });

  it("flags a long back-and-forth past the team's stricter limit, not a wide discussion", async () => {
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, lead: o.manager, members: [o.member, o.hr, o.admin] });
    await buildTeamAgreement(env, { org: o, teamId: team.id, rules: { escalateAfterComments: 4 } });
    const forTeam = await question(o, [], { audience: { teamId: team.id } });
    const forOrg = await question(o, []);
    const wide = await question(o, [], { audience: { teamId: team.id } });
    const comment = async (updateId: string, who: TestPerson, minute: number) => {
      at(`2030-01-07T10:${String(minute).padStart(2, "0")}:00Z`);
      await addComment(env.deps, actorOf(who), updateId, { body: `Point ${minute}` });
    };
    const pair = [o.manager, o.member];
    const four = [o.manager, o.member, o.hr, o.admin];
    for (let i = 0; i < 4; i++) {
      await comment(forTeam.id, pair[i % 2] as TestPerson, i);
      await comment(forOrg.id, pair[i % 2] as TestPerson, 10 + i);
      await comment(wide.id, four[i % 4] as TestPerson, 20 + i);
    }
    await flagStalledThreads(env.deps);
    expect(await stalledAt(forTeam.id)).toBeNull(); // exactly 4: not more than the limit

    await comment(forTeam.id, o.manager, 30);
    await comment(forOrg.id, o.manager, 31);
    await comment(wide.id, o.manager, 32);
    at("2030-01-07T11:00:00Z");
    await flagStalledThreads(env.deps);
    expect(await stalledAt(forTeam.id)).toEqual(new Date("2030-01-07T11:00:00Z"));
    expect(await stalledAt(forOrg.id)).toBeNull(); // the organisation's 12 still applies
    expect(await stalledAt(wide.id)).toBeNull(); // four people: a discussion, not a back-and-forth
    const [notice] = await told(forTeam.id, "update.stalled");
    expect(notice?.body).toContain("5 comments have gone back and forth between the same 2 people");
  });

  it("flags a proposal split at its decision deadline, but not a decided or unanimous one", async () => {
    const o = await makeOrg(env);
    const other = await o.add("member");
    const proposal = (title: string) =>
      question(o, [o.member, other], { kind: "proposal", title, decisionDue: "2030-01-07T12:00:00Z" });
    const split = await proposal("Split");
    const decided = await proposal("Decided");
    const unanimous = await proposal("Unanimous");
    at("2030-01-07T10:00:00Z");
    for (const id of [split.id, decided.id]) {
      await respond(env.deps, actorOf(o.member), id, { stance: "agree" });
      await respond(env.deps, actorOf(other), id, { stance: "disagree" });
    }
    await respond(env.deps, actorOf(o.member), unanimous.id, { stance: "agree" });
    await respond(env.deps, actorOf(other), unanimous.id, { stance: "agree" });
    await decide(env.deps, actorOf(o.manager), decided.id, { text: "We go ahead." });

    at("2030-01-07T11:59:00Z");
    await flagStalledThreads(env.deps);
    expect(await stalledAt(split.id)).toBeNull();

    at("2030-01-07T12:01:00Z");
    await flagStalledThreads(env.deps);
    expect(await stalledAt(split.id)).toEqual(new Date("2030-01-07T12:01:00Z"));
    expect(await stalledAt(decided.id)).toBeNull();
    expect(await stalledAt(unanimous.id)).toBeNull();
    const [notice] = await told(split.id, "update.stalled");
    expect(notice?.body).toContain("the decision deadline passed with 1 agreeing and 1 disagreeing");
  });
});
