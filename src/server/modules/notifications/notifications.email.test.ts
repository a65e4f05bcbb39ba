import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { eventually } from "../../../../test/support/onboarding";
import { startSmtp, type TestSmtp } from "../../../../test/support/smtp";
import { utc } from "../../../../test/support/time";
import { systemClock } from "../../platform/clock";
import { deliverDueNotifications } from "./delivery";
import { sendDigests } from "./digest";
import { notificationHelpers, THU_0900, WED_EVENING, WED_NOON } from "./notifications.fixtures";
import { notify } from "./notifications.service";

// Notification email: through a real SMTP server, each person's email choices, and the digest.

let env: TestEnv;
let now = WED_NOON;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => new Date(now) };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const { emailsTo, send, inbox } = notificationHelpers(() => env);

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
