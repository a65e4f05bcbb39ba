import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildAbsence, buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications";
import { stoppedAt } from "./meetings.fixtures";

let env: TestEnv;
let org: TestOrg;
// Tuesday noon in London (UTC in January): inside everyone's working hours, so notifications arrive at once.
const NOW = "2030-01-08T12:00:00Z";
stoppedAt(NOW, (f) => ({ env, org } = f));

const post = (who: TestPerson, url: string, body?: unknown) =>
  call(env, "POST", url, { as: who.caller, body });
const complete = (who: TestPerson, meetingId: string) => post(who, `/api/v1/meetings/${meetingId}/complete`);
const rsvp = (who: TestPerson, meetingId: string, response: string) =>
  call(env, "PUT", `/api/v1/meetings/${meetingId}/rsvp`, { as: who.caller, body: { response } });

const recaps = (meetingId: string) =>
  env.deps.db
    .select({
      to: notifications.recipientId,
      body: notifications.body,
      deliveredAt: notifications.deliveredAt,
    })
    .from(notifications)
    .where(and(eq(notifications.kind, "meeting.recap"), eq(notifications.objectId, meetingId)));

describe("completing a meeting", () => {
  it("stores and sends the recap to everyone invited, following async, declined and away included", async () => {
    const [follower, decliner, away] = await Promise.all([
      org.add("member"),
      org.add("member"),
      org.add("member"),
    ]);
    await buildAbsence(env, { org, person: away, start: "2030-01-07", end: "2030-01-10" });
    const m = (
      await buildMeeting(env, {
        org,
        title: "Planning",
        start: "2030-01-08T10:00:00Z",
        attendees: [org.manager, follower, decliner, away],
      })
    ).meeting;
    await rsvp(follower, m.id, "follow_async");
    await rsvp(decliner, m.id, "no");
    const base = `/api/v1/meetings/${m.id}`;
    const budget = (
      await post(org.member, `${base}/agenda-items`, { title: "Budget", outcome: "decide" })
    ).json().item;
    await post(org.member, `${base}/agenda-items`, { title: "Hiring", outcome: "discuss" });
    await call(env, "PATCH", `/api/v1/agenda-items/${budget.id}`, {
      as: org.member.caller,
      body: { status: "covered" },
    });
    await post(org.manager, `${base}/decisions`, { text: "Ship in March", agendaItemId: budget.id });
    await post(org.member, `${base}/action-items`, {
      text: "Book the room",
      ownerId: org.manager.person.id,
      due: "2030-01-20",
    });
    const notes = `First paragraph.\n\n${"x".repeat(700)}`;
    await call(env, "PUT", `${base}/notes`, {
      as: org.manager.caller,
      body: { body: notes, baseVersion: 0 },
    });

    const res = await complete(org.member, m.id);
    expect(res.statusCode).toBe(200);
    const { meeting, recap } = res.json();
    expect(meeting).toMatchObject({ id: m.id, status: "completed", completedAt: NOW.replace("Z", ".000Z") });
    expect(recap).toMatchObject({
      completedAt: "2030-01-08T12:00:00.000Z",
      decisions: [{ text: "Ship in March", agendaItemId: budget.id }],
      actionItems: [{ text: "Book the room", ownerId: org.manager.person.id, status: "open" }],
      covered: ["Budget"],
      uncovered: ["Hiring"],
      notesSummary: "First paragraph.",
    });
    expect(recap.markdown).toContain("## Recap: Planning");
    expect(recap.markdown).toContain(`- Book the room — ${org.manager.person.name}, due 2030-01-20`);
    expect(recap.markdown).toMatch(/### Not covered\n\n- Hiring/);

    const sent = await recaps(m.id);
    expect(sent.map((n) => n.to).sort()).toEqual(
      [org.member, org.manager, follower, decliner, away].map((p) => p.person.id).sort(),
    );
    expect(sent.every((n) => n.body === recap.markdown)).toBe(true);
    // The absent person's copy waits for their return.
    expect(sent.find((n) => n.to === away.person.id)?.deliveredAt).toBeNull();

    const inbox = await call(env, "GET", "/api/v1/inbox?kind=meeting.recap", { as: follower.caller });
    expect(inbox.json().items).toMatchObject([
      { kind: "meeting.recap", subject: "Recap: Planning", link: `/meetings/${m.id}` },
    ]);
    expect(inbox.json().items[0].body).toContain("Ship in March");
  });

  it("answers 409 when completed twice or cancelled, and 403 to an attendee", async () => {
    const m = (await buildMeeting(env, { org })).meeting;
    expect((await complete(org.manager, m.id)).statusCode).toBe(403);
    expect((await complete(org.member, m.id)).statusCode).toBe(200);
    const again = await complete(org.member, m.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already been completed/);
    expect(await recaps(m.id)).toHaveLength(2);

    const cancelled = (await buildMeeting(env, { org })).meeting;
    await call(env, "DELETE", `/api/v1/meetings/${cancelled.id}`, { as: org.member.caller });
    const refused = await complete(org.member, cancelled.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/cancelled/);
  });

  it("sends a one-to-one's recap to its two people without its content", async () => {
    const m = (await buildMeeting(env, { org, kind: "one_to_one" })).meeting;
    await post(org.member, `/api/v1/meetings/${m.id}/decisions`, { text: "Raise in April" });
    const res = await complete(org.member, m.id);
    expect(res.json().recap.markdown).toContain("Raise in April");
    const sent = await recaps(m.id);
    expect(sent.map((n) => n.to).sort()).toEqual([org.member.person.id, org.manager.person.id].sort());
    expect(sent.every((n) => !n.body.includes("Raise"))).toBe(true);
  });
});

describe("carrying forward in a series", () => {
  it("copies open agenda items and moves open action items into the next scheduled occurrence", async () => {
    const o = await makeOrg(env);
    const created = await call(env, "POST", "/api/v1/meetings", {
      as: o.member.caller,
      body: {
        title: "Weekly",
        kind: "planning",
        start: "2030-01-08T10:00:00Z",
        durationMinutes: 30,
        attendees: [{ personId: o.manager.person.id }],
        recurrence: { frequency: "weekly", count: 3 },
        agenda: [{ title: "Updates", outcome: "inform" }],
      },
    });
    expect(created.statusCode).toBe(201);
    const first = created.json().meeting;
    const second = first.series.nextId as string;
    const base = `/api/v1/meetings/${first.id}`;
    const budget = (
      await post(o.member, `${base}/agenda-items`, { title: "Budget", outcome: "decide" })
    ).json().item;
    const covered = (
      await post(o.member, `${base}/agenda-items`, { title: "Done", outcome: "inform" })
    ).json().item;
    await call(env, "PATCH", `/api/v1/agenda-items/${covered.id}`, {
      as: o.member.caller,
      body: { status: "covered" },
    });
    const give = (text: string) =>
      post(o.member, `${base}/action-items`, { text, ownerId: o.manager.person.id }).then(
        (r) => r.json().actionItem,
      );
    const open = await give("Open one");
    const done = await give("Done one");
    await call(env, "PATCH", `/api/v1/action-items/${done.id}`, {
      as: o.manager.caller,
      body: { status: "done" },
    });

    const res = await complete(o.member, first.id);
    expect(res.statusCode).toBe(200);
    // The clock stands still here, so both were made at the same instant: compare without order.
    expect(
      res
        .json()
        .recap.actionItems.map((a: { text: string }) => a.text)
        .sort(),
    ).toEqual(["Done one", "Open one"]);
    expect(res.json().recap.markdown).toContain(`[the next meeting](/meetings/${second})`);

    const next = (await call(env, "GET", `/api/v1/meetings/${second}`, { as: o.manager.caller })).json()
      .meeting;
    // "Updates" is on every occurrence already: not carried twice.
    expect(
      next.agenda.map((i: { title: string; carriedFrom: string | null }) => [i.title, i.carriedFrom]),
    ).toEqual([
      ["Updates", null],
      ["Budget", budget.id],
    ]);
    expect(next.actionItems.map((a: { id: string; carriedFrom: string }) => [a.id, a.carriedFrom])).toEqual([
      [open.id, first.id],
    ]);
    const mine = await call(env, "GET", "/api/v1/action-items?owner=me&status=open", {
      as: o.manager.caller,
    });
    expect(
      mine.json().actionItems.map((a: { id: string; meetingId: string }) => [a.id, a.meetingId]),
    ).toEqual([[open.id, second]]);

    // Completing the second carries on to the third, skipping nothing twice.
    await complete(o.member, second);
    const third = next.series.nextId as string;
    const last = (await call(env, "GET", `/api/v1/meetings/${third}`, { as: o.member.caller })).json()
      .meeting;
    expect(last.agenda.map((i: { title: string }) => i.title)).toEqual(["Updates", "Budget"]);
    expect(last.actionItems.map((a: { id: string }) => a.id)).toEqual([open.id]);
  });
});
