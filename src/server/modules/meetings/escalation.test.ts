import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam, buildTeamAgreement } from "../../../../test/support/build";
import type { TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { escalationOffer, updates } from "../updates";
import { type MeetingsFixture, stoppedAt } from "./meetings.fixtures";

let env: TestEnv;
let org: MeetingsFixture["org"];
// Tuesday 06:00 UTC in January: before anyone's working day. London works 09–17 UTC, New York 14–22
// UTC (09–17 EST), so the only time both work is 14:00–17:00 UTC on a weekday.
const NOW = "2030-01-08T06:00:00Z";
stoppedAt(NOW, (f) => ({ env, org } = f));

let newYorker: TestPerson;
let outsider: TestPerson;
beforeAll(async () => {
  newYorker = await org.add("member", { timeZone: "America/New_York" });
  outsider = await org.add("member");
});

const post = (who: TestPerson, url: string, body?: unknown) =>
  call(env, "POST", url, { as: who.caller, body });
const escalate = (who: TestPerson, updateId: string, body: unknown = {}) =>
  post(who, `/api/v1/updates/${updateId}/escalation`, body);

/** A proposal by the member (London) to the New Yorker, who must answer. */
async function proposal(given: { title?: string; to?: TestPerson[]; teamId?: string } = {}) {
  const to = given.to ?? [newYorker];
  const res = await post(org.member, "/api/v1/updates", {
    kind: "proposal",
    title: given.title ?? "Move the stand-up to 15:00 UTC",
    body: "It suits both offices.",
    audience: { personIds: to.map((p) => p.person.id), ...(given.teamId ? { teamId: given.teamId } : {}) },
    requiredResponderIds: to.map((p) => p.person.id),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().update as { id: string; title: string };
}

const rowOf = async (updateId: string) => {
  const [row] = await env.deps.db.select().from(updates).where(eq(updates.id, updateId));
  if (!row) throw new Error("no such update");
  return row;
};

const HOUR = 60 * 60 * 1000;
/** Inside both offices' hours: a weekday, from 14:00 to 17:00 UTC. */
function insideBothOffices(start: string, end: string): boolean {
  const s = new Date(start);
  const day = s.getUTCDay();
  const dayStart = Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate());
  return (
    day >= 1 && day <= 5 && s.getTime() >= dayStart + 14 * HOUR && Date.parse(end) <= dayStart + 17 * HOUR
  );
}

describe("escalating a thread into a meeting", () => {
  it("An escalation creates a meeting in the overlap slot; completing it posts the decision back and closes the proposal", async () => {
    const thread = await proposal();
    await post(newYorker, `/api/v1/updates/${thread.id}/comments`, { body: "I would rather not." });
    const offer = await escalationOffer(env.deps.db, env.deps, await rowOf(thread.id));
    expect(offer.durationMinutes).toBe(25);
    expect(offer.participantIds).toEqual([org.member.person.id, newYorker.person.id]);
    expect(offer.slot).not.toBeNull();

    const res = await escalate(newYorker, thread.id);
    expect(res.statusCode, res.body).toBe(201);
    const { meeting } = res.json();
    expect(meeting).toMatchObject({
      kind: "decision",
      title: `Decide: ${thread.title}`,
      purpose: "decide",
      organiserId: newYorker.person.id,
      durationMinutes: 25,
      start: offer.slot?.start,
      end: offer.slot?.end,
      agenda: [{ title: `Decide: ${thread.title}`, outcome: "decide" }],
    });
    expect(insideBothOffices(meeting.start, meeting.end)).toBe(true);
    expect(Date.parse(meeting.start)).toBeGreaterThanOrEqual(Date.parse(NOW));
    expect(Date.parse(meeting.start)).toBeLessThan(Date.parse(NOW) + 7 * 24 * HOUR);
    expect(meeting.description).toContain(`/updates/${thread.id}`);
    expect(meeting.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [org.member.person.id, newYorker.person.id].sort(),
    );
    expect((await rowOf(thread.id)).meetingId).toBe(meeting.id);

    const decided = await post(newYorker, `/api/v1/meetings/${meeting.id}/decisions`, {
      text: "Stand-up at 15:00 UTC from Monday",
    });
    expect(decided.statusCode).toBe(201);
    expect((await post(newYorker, `/api/v1/meetings/${meeting.id}/complete`)).statusCode).toBe(200);

    const after = await call(env, "GET", `/api/v1/updates/${thread.id}`, { as: org.member.caller });
    expect(after.statusCode).toBe(200);
    const { update } = after.json();
    expect(update.closedAt).not.toBeNull();
    expect(update.decision).toMatchObject({
      text: "- Stand-up at 15:00 UTC from Monday",
      decidedBy: { personId: newYorker.person.id },
    });
    const recap = update.comments.find((c: { body: string }) => c.body.includes("Recap of"));
    expect(recap).toMatchObject({ authorId: newYorker.person.id });
    expect(recap.body).toContain("Stand-up at 15:00 UTC from Monday");
    // An escalation's recap goes into its thread, not into the feed as a recap update of its own.
    const recaps = await env.deps.db
      .select()
      .from(updates)
      .where(and(eq(updates.meetingId, meeting.id), eq(updates.kind, "recap")));
    expect(recaps).toEqual([]);
  });

  it("without decisions, the thread's decision points to the meeting's recap", async () => {
    const thread = await proposal({ title: "Retire the old wiki" });
    const { meeting } = (await escalate(org.member, thread.id)).json();
    expect((await post(newYorker, `/api/v1/meetings/${meeting.id}/complete`)).statusCode).toBe(403);
    expect((await post(org.member, `/api/v1/meetings/${meeting.id}/complete`)).statusCode).toBe(200);
    const { update } = (
      await call(env, "GET", `/api/v1/updates/${thread.id}`, { as: newYorker.caller })
    ).json();
    expect(update.decision.text).toBe(`Decided in the meeting Decide: Retire the old wiki: see its recap`);
    expect(update.closedAt).not.toBeNull();
  });

  it("takes the given start and length; the agreement's gates apply (409 agreement_conflict)", async () => {
    const team = await buildTeam(env, { org, members: [org.member, newYorker] });
    await buildTeamAgreement(env, {
      org,
      teamId: team.team.id,
      rules: { noMeetingDays: ["wed"], maxMeetingMinutes: 20 },
    });
    const thread = await proposal({ teamId: team.team.id });
    expect((await escalationOffer(env.deps.db, env.deps, await rowOf(thread.id), 30)).durationMinutes).toBe(
      20,
    );
    const wednesday = "2030-01-09T15:00:00Z";
    const blocked = await escalate(org.member, thread.id, { start: wednesday });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe("agreement_conflict");
    expect((await rowOf(thread.id)).meetingId).toBeNull();

    const thursday = "2030-01-10T15:00:00Z";
    const res = await escalate(org.member, thread.id, { start: thursday, durationMinutes: 15 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().meeting).toMatchObject({
      start: "2030-01-10T15:00:00.000Z",
      durationMinutes: 15,
      teamId: team.team.id,
    });
  });

  it("refuses a closed thread, a second escalation and anyone outside the thread", async () => {
    const thread = await proposal();
    expect((await escalate(outsider, thread.id)).statusCode).toBe(404);
    expect((await escalate(org.admin, thread.id)).statusCode).toBe(404);
    const first = await escalate(org.member, thread.id);
    expect(first.statusCode).toBe(201);
    const again = await escalate(newYorker, thread.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`This thread already has a meeting: Decide: ${thread.title}.`);

    // Once its meeting is cancelled, the thread may be escalated again.
    const meetingId = first.json().meeting.id;
    expect(
      (await call(env, "DELETE", `/api/v1/meetings/${meetingId}`, { as: org.member.caller })).statusCode,
    ).toBe(204);
    const retried = await escalate(newYorker, thread.id);
    expect(retried.statusCode, retried.body).toBe(201);

    const decided = await proposal({ title: "Decided already" });
    expect(
      (await post(org.member, `/api/v1/updates/${decided.id}/decision`, { text: "Yes" })).statusCode,
    ).toBe(201);
    const closed = await escalate(org.member, decided.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain("closed");
  });

  it("answers 409 when no time in the next 7 days suits everyone and no start is given", async () => {
    // Tokyo works 00:00–08:00 UTC, London 09:00–17:00 UTC: never at the same time.
    const tokyo = await org.add("member", { timeZone: "Asia/Tokyo" });
    const thread = await proposal({ to: [tokyo] });
    const res = await escalate(org.member, thread.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("No time in the next 7 days suits everyone; pick a start");
  });
});
