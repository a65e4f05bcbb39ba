import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildAbsence } from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import { eventually } from "../../../../test/support/onboarding";
import { startSmtp, type TestSmtp } from "../../../../test/support/smtp";
import { utc } from "../../../../test/support/time";
import { systemClock } from "../../platform/clock";
import { liveEvents } from "../../platform/events/live-events.table";
import { outboxEmails } from "../outbox";
import { deliverDueNotifications } from "./delivery";
import { sendDigests } from "./digest";
import { notify } from "./notifications.service";
import { notifications } from "./notifications.table";
import { createWebhook } from "./webhooks.service";
import { webhookDeliveries } from "./webhooks.table";

// Europe/London in December is UTC: makeOrg's people work Monday to Friday, 09:00–17:00.
const WED_NOON = utc(2026, 12, 9, 12);
const WED_EVENING = utc(2026, 12, 9, 20);
const THU_0859 = utc(2026, 12, 10, 8, 59);
const THU_0900 = utc(2026, 12, 10, 9);

let env: TestEnv;
let now = WED_NOON;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => new Date(now) };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const rowsOf = (org: TestOrg, recipientId: string) =>
  env.deps.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.organisationId, org.organisation.id), eq(notifications.recipientId, recipientId)),
    );

const emailsTo = (org: TestOrg, to: string) =>
  env.deps.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.organisationId, org.organisation.id), eq(outboxEmails.to, to)));

const deliveredEvents = (org: TestOrg) =>
  env.deps.db
    .select()
    .from(liveEvents)
    .where(
      and(eq(liveEvents.organisationId, org.organisation.id), eq(liveEvents.type, "notification.delivered")),
    );

/** A reserved name that never resolves: saved as a public address, and nothing is ever sent in these tests. */
const HOOK = {
  url: "https://hooks.example.test/notify",
  format: "signed" as const,
  events: ["notification.test" as const],
};

const webhookDeliveriesOf = (org: TestOrg) =>
  env.deps.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.organisationId, org.organisation.id));

const send = (org: TestOrg, recipients: string[], extra: { urgent?: boolean; subject?: string } = {}) =>
  env.deps.db.transaction((tx) =>
    notify(tx, env.deps, {
      organisationId: org.organisation.id,
      recipients,
      kind: "notification.test",
      subject: extra.subject ?? "Hello",
      body: "Some **news**.",
      link: "/agreement",
      urgent: extra.urgent,
      actorId: org.admin.person.id,
    }),
  );

const inbox = async (org: TestOrg, who: "member" | "manager", query = "") =>
  (await call(env, "GET", `/api/v1/inbox${query}`, { as: org[who].caller })).json();

describe("delivery follows the recipient's hours", () => {
  it("inside their hours: in the inbox at once, announced live, emailed with List-Unsubscribe", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const member = org.member.person;
    await send(org, [member.id]);
    const [row] = await rowsOf(org, member.id);
    expect(row).toMatchObject({
      deliverAt: new Date(WED_NOON),
      deliveredAt: new Date(WED_NOON),
      outsideHours: false,
    });
    expect((await inbox(org, "member")).items).toMatchObject([
      {
        id: row?.id,
        subject: "Hello",
        body: "Some **news**.",
        link: "/agreement",
        urgent: false,
        readAt: null,
      },
    ]);
    const events = await deliveredEvents(org);
    expect(events).toMatchObject([{ objectId: row?.id, audience: { personIds: [member.id] } }]);
    const [email] = await emailsTo(org, member.email);
    expect(email?.subject).toBe("Hello");
    expect(email?.text).toContain("http://tandem.test/agreement");
    expect(email?.headers).toEqual({ "List-Unsubscribe": "<http://tandem.test/settings/notifications>" });
  });

  it("outside their hours: held until their hours begin, then delivered by the sweep and announced", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const member = org.member.person;
    await send(org, [member.id]);
    const [row] = await rowsOf(org, member.id);
    expect(row).toMatchObject({ deliverAt: new Date(THU_0900), deliveredAt: null, outsideHours: true });
    expect((await inbox(org, "member")).items).toEqual([]);
    expect(await deliveredEvents(org)).toEqual([]);

    now = THU_0859;
    await deliverDueNotifications(env.deps);
    expect((await rowsOf(org, member.id))[0]?.deliveredAt).toBeNull();

    now = THU_0900;
    await deliverDueNotifications(env.deps);
    await eventually(async () => (await rowsOf(org, member.id))[0]?.deliveredAt);
    expect((await inbox(org, "member")).items).toMatchObject([{ id: row?.id }]);
    expect(await deliveredEvents(org)).toMatchObject([
      { objectId: row?.id, audience: { personIds: [member.id] } },
    ]);
    // It arrived outside their hours and their digest is on: the digest emails it, not the sweep.
    expect(await emailsTo(org, member.email)).toEqual([]);
    await deliverDueNotifications(env.deps);
    expect(await deliveredEvents(org)).toHaveLength(1);
  });

  it("urgent: delivered at once whatever the hours, and logged as outside them", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const member = org.member.person;
    await send(org, [member.id], { urgent: true });
    const [row] = await rowsOf(org, member.id);
    expect(row).toMatchObject({ deliveredAt: new Date(WED_EVENING), urgent: true, outsideHours: true });
    expect(await emailsTo(org, member.email)).toHaveLength(1);
  });

  it("during an absence: waits for the return and goes only into the digest", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const member = org.member.person;
    await buildAbsence(env, { org, person: org.member, start: "2026-12-09", end: "2026-12-11" });
    await send(org, [member.id]);
    const [row] = await rowsOf(org, member.id);
    expect(row).toMatchObject({
      deliverAt: new Date(utc(2026, 12, 14, 9)),
      digestOnly: true,
      outsideHours: true,
    });
  });

  it("a notification in a transaction that rolls back leaves nothing and is never delivered", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const member = org.member.person;
    await createWebhook(env.deps, actorOf(org.admin), HOOK);
    await expect(
      env.deps.db.transaction(async (tx) => {
        await notify(tx, env.deps, {
          organisationId: org.organisation.id,
          recipients: [member.id, org.manager.person.id],
          kind: "notification.test",
          subject: "Never",
          body: "Rolled back.",
          link: null,
          urgent: true,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    now = THU_0900;
    await deliverDueNotifications(env.deps);
    await sendDigests(env.deps);
    expect(await rowsOf(org, member.id)).toEqual([]);
    expect(await deliveredEvents(org)).toEqual([]);
    expect(await emailsTo(org, member.email)).toEqual([]);
    expect(await webhookDeliveriesOf(org)).toEqual([]);
  });

  it("a committed notification is fanned out once to the webhooks that want its kind", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    await createWebhook(env.deps, actorOf(org.admin), HOOK);
    await send(org, [org.member.person.id, org.manager.person.id], { subject: "For the hook" });
    expect(await webhookDeliveriesOf(org)).toMatchObject([
      {
        event: "notification.test",
        payload: { subject: "For the hook", link: "http://tandem.test/agreement" },
      },
    ]);
  });

  it("explicit notification hours from the agreement apply in each person's zone, and the settings say so", async () => {
    now = utc(2026, 12, 9, 7, 30); // 07:30 London, before 08:00
    const org = await makeOrg(env);
    const published = await call(env, "PUT", "/api/v1/agreement", {
      as: org.admin.caller,
      body: { rules: { notificationHours: { start: "08:00", end: "18:00" } }, changeSummary: "Hours" },
    });
    expect(published.statusCode).toBe(200);
    await send(org, [org.member.person.id], { subject: "Early" });
    const early = (await rowsOf(org, org.member.person.id)).find((r) => r.subject === "Early");
    expect(early).toMatchObject({ deliverAt: new Date(utc(2026, 12, 9, 8)), outsideHours: true });
    const settings = await call(env, "GET", "/api/v1/me/notification-settings", { as: org.member.caller });
    expect(settings.json().hours).toEqual({
      source: "agreement",
      start: "08:00",
      end: "18:00",
      timeZone: "Europe/London",
      description: "08:00–18:00 in your zone (Europe/London), per the organisation's agreement",
    });
  });

  it("a notification to many people is a few statements, each delivered in their own hours", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const paris = await org.add("member", { timeZone: "Asia/Tokyo" });
    const ids = [org.member.person.id, org.manager.person.id, paris.person.id];
    const { result: sent, writes } = await writesDuring(() => send(org, ids));
    expect(sent.size).toBe(3);
    expect(writes.filter((w) => /insert\s+into\s+"notifications"/i.test(w))).toHaveLength(1);
    const [tokyo] = await rowsOf(org, paris.person.id);
    // Noon in London is 21:00 in Tokyo: Thursday 09:00 there is 00:00 UTC.
    expect(tokyo).toMatchObject({ outsideHours: true, deliverAt: new Date(utc(2026, 12, 10, 0)) });
    expect(await deliveredEvents(org)).toHaveLength(2);
  });
});

describe("email through a real SMTP server", () => {
  let smtp: TestSmtp;
  let mailEnv: TestEnv;
  beforeAll(async () => {
    smtp = await startSmtp();
    // A database of its own: on PostgreSQL another env's worker (without SMTP) could take the send-email job.
    mailEnv = await freshEnv({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await smtp.close();
  });
  afterEach(() => {
    mailEnv.deps.clock = systemClock;
  });

  it("sends the notification with its absolute link and List-Unsubscribe", async () => {
    mailEnv.deps.clock = { now: () => new Date(WED_NOON) };
    const org = await makeOrg(mailEnv);
    await mailEnv.deps.db.transaction((tx) =>
      notify(tx, mailEnv.deps, {
        organisationId: org.organisation.id,
        recipients: [org.member.person.id],
        kind: "policy.version_to_acknowledge",
        subject: `Policy to read ${org.organisation.id}`,
        body: "Please read the *new* policy.",
        link: "/policies/1",
      }),
    );
    const mail = await eventually(async () =>
      smtp.received.find((m) => m.subject === `Policy to read ${org.organisation.id}`),
    );
    expect(mail.text).toContain("Please read the *new* policy.");
    expect(mail.text).toContain("http://tandem.test/policies/1");
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toBe(
      "List-Unsubscribe: <http://tandem.test/settings/notifications>",
    );
  });
});

describe("email choices", () => {
  it("a kind switched off sends no email but still reaches the inbox; other kinds still email", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const member = org.member.person;
    const put = await call(env, "PUT", "/api/v1/me/notification-settings", {
      as: org.member.caller,
      body: {
        email: true,
        digest: { enabled: true, localTime: "07:45" },
        kinds: { "notification.test": { email: false } },
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      email: true,
      digest: { enabled: true, localTime: "07:45" },
      kinds: { "notification.test": { email: false }, "invitation.accepted": { email: true } },
      hours: {
        source: "working_hours",
        timeZone: "Europe/London",
        description: "Your working hours, per the team agreement",
      },
    });
    await send(org, [member.id]);
    expect((await inbox(org, "member")).items).toHaveLength(1);
    expect(await emailsTo(org, member.email)).toEqual([]);
    await env.deps.db.transaction((tx) =>
      notify(tx, env.deps, {
        organisationId: org.organisation.id,
        recipients: [member.id],
        kind: "invitation.accepted",
        subject: "Someone joined",
        body: "They accepted.",
        link: "/people",
      }),
    );
    expect((await emailsTo(org, member.email)).map((e) => e.subject)).toEqual(["Someone joined"]);
  });

  it("everyone gets the defaults until they choose", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "GET", "/api/v1/me/notification-settings", { as: org.manager.caller });
    expect(res.json()).toMatchObject({ email: true, digest: { enabled: true, localTime: "08:30" } });
    expect(Object.keys(res.json().kinds)).toContain("agreement.version_to_acknowledge");
  });

  it("refuses bad settings in words", async () => {
    const org = await makeOrg(env);
    const bad = async (body: unknown) => {
      const res = await call(env, "PUT", "/api/v1/me/notification-settings", { as: org.member.caller, body });
      expect(res.statusCode).toBe(400);
      return res.json().error.message as string;
    };
    const good = { email: true, digest: { enabled: true, localTime: "08:30" }, kinds: {} };
    expect(await bad({ ...good, digest: { enabled: true, localTime: "25:00" } })).toContain(
      "must be a time HH:MM",
    );
    expect(await bad({ ...good, kinds: { "party.invite": { email: true } } })).toMatch(
      /party\.invite|one of/,
    );
    expect(await bad({ ...good, email: "yes" })).toContain("true or false");
  });
});

describe("the digest", () => {
  it("lists what arrived while away at the person's digest time, once, and never sends an empty one", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const member = org.member.person;
    await send(org, [member.id], { subject: "First while away" });
    now = WED_EVENING + 60 * 60_000;
    await send(org, [member.id], { subject: "Second while away" });

    now = utc(2026, 12, 10, 8, 15); // before 08:30 London
    await sendDigests(env.deps);
    expect(await emailsTo(org, member.email)).toEqual([]);

    now = utc(2026, 12, 10, 8, 30);
    await sendDigests(env.deps);
    await sendDigests(env.deps);
    const digests = await emailsTo(org, member.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe("While you were away: 2 notifications");
    expect(digests[0]?.text).toContain("- First while away\n  http://tandem.test/agreement");
    expect(digests[0]?.text).toContain("- Second while away");
    expect(digests[0]?.headers).toEqual({
      "List-Unsubscribe": "<http://tandem.test/settings/notifications>",
    });

    // Delivered at 09:00, but the digest already emailed them.
    now = THU_0900;
    await deliverDueNotifications(env.deps);
    expect(await emailsTo(org, member.email)).toHaveLength(1);

    // Nothing new by Friday's digest time: no email.
    now = utc(2026, 12, 11, 8, 45);
    await sendDigests(env.deps);
    expect(await emailsTo(org, member.email)).toHaveLength(1);
  });

  it("follows the chosen local time in the person's zone, and is off when switched off", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const tokyo = await org.add("member", { timeZone: "Asia/Tokyo" });
    await call(env, "PUT", "/api/v1/me/notification-settings", {
      as: tokyo.caller,
      body: { email: true, digest: { enabled: true, localTime: "07:00" }, kinds: {} },
    });
    await call(env, "PUT", "/api/v1/me/notification-settings", {
      as: org.member.caller,
      body: { email: true, digest: { enabled: false, localTime: "07:00" }, kinds: {} },
    });
    await send(org, [tokyo.person.id, org.member.person.id]);
    now = utc(2026, 12, 9, 21, 59); // 06:59 Thursday in Tokyo
    await sendDigests(env.deps);
    expect(await emailsTo(org, tokyo.person.email)).toEqual([]);
    now = utc(2026, 12, 9, 22, 0);
    await sendDigests(env.deps);
    expect(await emailsTo(org, tokyo.person.email)).toHaveLength(1);
    // Digest off: the held notification is emailed on its own when it is delivered.
    now = THU_0900;
    await deliverDueNotifications(env.deps);
    await sendDigests(env.deps);
    expect((await emailsTo(org, org.member.person.email)).map((e) => e.subject)).toEqual(["Hello"]);
  });
});

describe("the inbox", () => {
  it("pages newest first, filters unread and by kind, counts unread, and marks read", async () => {
    const org = await makeOrg(env);
    const member = org.member.person;
    for (let i = 0; i < 5; i++) {
      now = WED_NOON + i * 60_000;
      await send(org, [member.id], { subject: `Item ${i}` });
    }
    const first = await inbox(org, "member", "?limit=2");
    expect(first.items.map((i: { subject: string }) => i.subject)).toEqual(["Item 4", "Item 3"]);
    expect(first.unreadCount).toBe(5);
    const second = await inbox(org, "member", `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { subject: string }) => i.subject)).toEqual(["Item 2", "Item 1"]);
    const third = await inbox(org, "member", `?limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ items: [{ subject: "Item 0" }], nextCursor: null });

    const read = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.member.caller,
      body: { ids: [first.items[0].id] },
    });
    expect(read.statusCode).toBe(204);
    const unread = await inbox(org, "member", "?unread=true");
    expect(unread.items).toHaveLength(4);
    expect(unread.unreadCount).toBe(4);
    expect((await inbox(org, "member", "?kind=invitation.accepted")).items).toEqual([]);
    expect((await inbox(org, "member", "?kind=notification.test")).items).toHaveLength(5);

    await call(env, "POST", "/api/v1/inbox/read", { as: org.member.caller, body: { all: true } });
    expect((await inbox(org, "member")).unreadCount).toBe(0);
  });

  it("nobody reads or marks another person's inbox", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const ids = await send(org, [org.member.person.id]);
    const theirs = ids.get(org.member.person.id) ?? "";
    expect((await inbox(org, "manager")).items).toEqual([]);
    const mark = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.manager.caller,
      body: { ids: [theirs] },
    });
    expect(mark.statusCode).toBe(204);
    expect((await rowsOf(org, org.member.person.id))[0]?.readAt).toBeNull();
    const cursor = await call(env, "GET", `/api/v1/inbox?cursor=${theirs}`, { as: org.manager.caller });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.message).toMatch(/cursor/i);
  });

  it("refuses bad input in words", async () => {
    const org = await makeOrg(env);
    const ids = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.member.caller,
      body: { ids: ["nope"] },
    });
    expect(ids.statusCode).toBe(400);
    expect(ids.json().error.message).toMatch(/id|UUID/);
    const kind = await call(env, "GET", "/api/v1/inbox?kind=party", { as: org.member.caller });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain("must be one of");
  });
});

describe("the test notification and the urgent log", () => {
  it("sends the caller a notification through the real path, and logs urgent ones for admins and HR", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const res = await call(env, "POST", "/api/v1/notifications/test", {
      as: org.member.caller,
      body: { urgent: true },
    });
    expect(res.statusCode).toBe(202);
    expect((await inbox(org, "member")).items).toMatchObject([
      { id: res.json().id, urgent: true, kind: "notification.test" },
    ]);
    now = WED_NOON;
    await send(org, [org.manager.person.id], { urgent: true });
    await send(org, [org.manager.person.id]);

    now = THU_0900;
    const log = await call(env, "GET", "/api/v1/notifications/urgent-log", { as: org.hr.caller });
    expect(log.statusCode).toBe(200);
    expect(log.json().summary).toEqual({ total: 2, outsideHours: 1 });
    // Newest first: the member's own test on Wednesday evening, then the admin's at noon.
    expect(log.json().entries).toMatchObject([
      {
        senderId: org.member.person.id,
        recipientId: org.member.person.id,
        kind: "notification.test",
        outsideHours: true,
      },
      { senderId: org.admin.person.id, recipientId: org.manager.person.id, outsideHours: false },
    ]);
    expect(log.json().weeks).toContainEqual({ weekStart: "2026-12-07", total: 2, outsideHours: 1 });
    expect(log.json().weeks).toHaveLength(13);
    expect(
      (await call(env, "GET", "/api/v1/notifications/urgent-log", { as: org.member.caller })).statusCode,
    ).toBe(403);

    const tooLong = await call(
      env,
      "GET",
      "/api/v1/notifications/urgent-log?from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
      {
        as: org.admin.caller,
      },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain("366 days");
  });
});
