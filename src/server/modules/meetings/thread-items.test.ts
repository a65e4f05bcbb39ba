import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam } from "../../../../test/support/build";
import type { TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications";
import { updates } from "../updates";
import { type MeetingsFixture, stoppedAt } from "./meetings.fixtures";

let env: TestEnv;
let org: MeetingsFixture["org"];
// Tuesday noon in London: inside everyone's working hours, so notifications are delivered at once.
const NOW = "2030-01-08T12:00:00Z";
stoppedAt(NOW, (f) => ({ env, org } = f));

let recipient: TestPerson;
let outsider: TestPerson;
beforeAll(async () => {
  recipient = await org.add("member");
  outsider = await org.add("member");
});

const post = (who: TestPerson, url: string, body?: unknown) =>
  call(env, "POST", url, { as: who.caller, body });
const myItems = async (who: TestPerson, query = "") => {
  const res = await call(env, "GET", `/api/v1/action-items${query}`, { as: who.caller });
  expect(res.statusCode).toBe(200);
  return res.json().actionItems as { id: string; updateId: string | null; meetingTitle: string }[];
};

/** A status update by the member to the manager and the recipient. */
async function thread(title = "Q3 hiring plan") {
  const res = await post(org.member, "/api/v1/updates", {
    kind: "status",
    title,
    body: "Where we are.",
    audience: { personIds: [org.manager.person.id, recipient.person.id] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().update as { id: string; title: string };
}

describe("a thread's action items", () => {
  it("are added for someone of the thread, who is told, and listed with the meetings' items", async () => {
    const t = await thread();
    const res = await post(org.member, `/api/v1/updates/${t.id}/action-items`, {
      text: "Draft the job ad",
      ownerId: org.manager.person.id,
      due: "2030-01-15",
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().actionItem;
    expect(item).toMatchObject({
      updateId: t.id,
      meetingId: null,
      meetingTitle: t.title,
      ownerId: org.manager.person.id,
      due: "2030-01-15",
      status: "open",
    });
    const told = await env.deps.db
      .select({ to: notifications.recipientId, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.kind, "action_item.assigned"), eq(notifications.objectId, item.id)));
    expect(told).toEqual([{ to: org.manager.person.id, link: `/updates/${t.id}` }]);

    // A meeting's item and the thread's in one list, the title from whichever each comes from.
    const meeting = (await buildMeeting(env, { org, title: "Weekly sync", attendees: [org.manager] }))
      .meeting;
    await post(org.member, `/api/v1/meetings/${meeting.id}/action-items`, {
      text: "Book the room",
      ownerId: org.manager.person.id,
    });
    const owners = await myItems(org.manager, "?owner=me");
    expect(owners.map((i) => [i.meetingTitle, i.updateId])).toEqual(
      expect.arrayContaining([
        [t.title, t.id],
        ["Weekly sync", null],
      ]),
    );
    // Someone else of the thread sees it; someone outside it does not (an admin neither).
    expect((await myItems(recipient)).map((i) => i.id)).toContain(item.id);
    expect((await myItems(recipient, "?owner=me")).map((i) => i.id)).not.toContain(item.id);
    expect((await myItems(outsider)).map((i) => i.id)).not.toContain(item.id);
    expect((await myItems(org.admin)).map((i) => i.id)).not.toContain(item.id);
  });

  it("refuses an owner outside the thread and anyone outside it", async () => {
    const t = await thread();
    const notHere = await post(org.member, `/api/v1/updates/${t.id}/action-items`, {
      text: "Do it",
      ownerId: outsider.person.id,
    });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().error.message).toBe("Owner: this person is not part of this thread");
    const byOutsider = await post(outsider, `/api/v1/updates/${t.id}/action-items`, {
      text: "Do it",
      ownerId: outsider.person.id,
    });
    expect(byOutsider.statusCode).toBe(404);
  });

  it("are changed by their owner or anyone of the thread, not by others", async () => {
    const t = await thread();
    const item = (
      await post(org.member, `/api/v1/updates/${t.id}/action-items`, {
        text: "Ask finance",
        ownerId: recipient.person.id,
      })
    ).json().actionItem;
    const patch = (who: TestPerson, body: unknown) =>
      call(env, "PATCH", `/api/v1/action-items/${item.id}`, { as: who.caller, body });
    expect((await patch(outsider, { status: "done" })).statusCode).toBe(404);
    expect((await patch(org.admin, { status: "done" })).statusCode).toBe(404);
    const done = await patch(recipient, { status: "done" });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actionItem).toMatchObject({ status: "done", meetingTitle: t.title, updateId: t.id });
    const reopened = await patch(org.manager, { status: "open", text: "Ask finance twice" });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().actionItem).toMatchObject({ status: "open", text: "Ask finance twice" });
  });
});

describe("a completed meeting's recap in the feed", () => {
  const recapOf = async (meetingId: string) =>
    env.deps.db
      .select()
      .from(updates)
      .where(and(eq(updates.meetingId, meetingId), eq(updates.kind, "recap")));

  it("is an update of kind recap that its attendees alone can read", async () => {
    const meeting = (await buildMeeting(env, { org, title: "Roadmap review", attendees: [org.manager] }))
      .meeting;
    await post(org.member, `/api/v1/meetings/${meeting.id}/decisions`, { text: "Ship the beta" });
    expect((await post(org.member, `/api/v1/meetings/${meeting.id}/complete`)).statusCode).toBe(200);
    const [recap, ...more] = await recapOf(meeting.id);
    expect(more).toEqual([]);
    expect(recap).toMatchObject({ title: "Recap: Roadmap review", authorId: org.member.person.id });
    expect(recap?.body).toContain("Ship the beta");
    const read = (who: TestPerson) =>
      call(env, "GET", `/api/v1/updates/${recap?.id}`, { as: who.caller }).then((r) => r.statusCode);
    expect(await read(org.member)).toBe(200);
    expect(await read(org.manager)).toBe(200);
    expect(await read(outsider)).toBe(404);
    expect(await read(org.admin)).toBe(404);
    const feed = await call(env, "GET", "/api/v1/updates?feed=mine", { as: org.manager.caller });
    expect(feed.json().updates.map((u: { id: string }) => u.id)).toContain(recap?.id);
    const outsiders = await call(env, "GET", "/api/v1/updates?feed=mine", { as: outsider.caller });
    expect(outsiders.json().updates.map((u: { id: string }) => u.id)).not.toContain(recap?.id);
  });

  it("is not posted for a one-to-one", async () => {
    const meeting = (await buildMeeting(env, { org, kind: "one_to_one", attendees: [org.manager] })).meeting;
    expect((await post(org.member, `/api/v1/meetings/${meeting.id}/complete`)).statusCode).toBe(200);
    expect(await recapOf(meeting.id)).toEqual([]);
  });
});

describe("a team's action items, for its leads", () => {
  it("lists the team's meetings' and threads' items, never a one-to-one's, to its lead only", async () => {
    const { team } = await buildTeam(env, { org, lead: org.manager, members: [org.member, recipient] });
    const { meeting } = await buildMeeting(env, {
      org,
      organiser: org.member,
      attendees: [recipient],
      teamId: team.id,
      title: "Team sync",
    });
    const { meeting: oneToOne } = await buildMeeting(env, {
      org,
      organiser: org.member,
      attendees: [recipient],
      kind: "one_to_one",
      teamId: team.id,
      title: "Private chat",
    });
    const teamThread = await post(org.member, "/api/v1/updates", {
      kind: "status",
      title: "Team plan",
      body: "Plan.",
      audience: { teamId: team.id },
    });
    const add = async (url: string, text: string) =>
      expect((await post(org.member, url, { text, ownerId: recipient.person.id })).statusCode).toBe(201);
    await add(`/api/v1/meetings/${meeting.id}/action-items`, "From the sync");
    await add(`/api/v1/meetings/${oneToOne.id}/action-items`, "From the one-to-one");
    await add(`/api/v1/updates/${teamThread.json().update.id}/action-items`, "From the thread");

    const listed = await myItems(org.manager, `?teamId=${team.id}&status=open`);
    expect(listed.map((i) => (i as unknown as { text: string }).text).sort()).toEqual(
      ["From the sync", "From the thread"].sort(),
    );
    // A member of the team, HR and admins do not lead it; another organisation's caller does not see it.
    for (const who of [org.member, org.hr, org.admin]) {
      const res = await call(env, "GET", `/api/v1/action-items?teamId=${team.id}`, { as: who.caller });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("Only the team's leads may see this team's action items");
    }
  });
});
