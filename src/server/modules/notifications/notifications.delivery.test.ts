import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAbsence } from "../../../../test/support/build";
import { actorOf, makeOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import { eventually } from "../../../../test/support/onboarding";
import { utc } from "../../../../test/support/time";
import { systemClock } from "../../platform/clock";
import { deliverDueNotifications } from "./delivery";
import { sendDigests } from "./digest";
import {
  HOOK,
  notificationHelpers,
  THU_0859,
  THU_0900,
  WED_EVENING,
  WED_NOON,
} from "./notifications.fixtures";
import { notify } from "./notifications.service";
import { createWebhook } from "./webhooks.service";

// Notifications delivered in each recipient's hours: held, urgent, absent, rolled back, fanned out to webhooks.

let env: TestEnv;
let now = WED_NOON;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => new Date(now) };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const { rowsOf, emailsTo, deliveredEvents, webhookDeliveriesOf, send, inbox } = notificationHelpers(
  () => env,
);

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
