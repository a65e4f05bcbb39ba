import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import { systemClock } from "../../platform/clock";
import { notifications } from "../notifications/notifications.table";
import { remindOverdueAcknowledgements } from "./acknowledgements.service";

const DAY = 86_400_000;

describe("the daily acknowledgement reminder sweep", () => {
  it("reminds pending people once, only after TANDEM_ACK_REMINDER_DAYS", async () => {
    // Its own database: the sweep covers every organisation, so it must not reach other tests' outboxes.
    const env = await freshEnv();
    const org = await makeOrg(env);
    await call(env, "POST", "/api/v1/agreement/acknowledgements", {
      as: org.member.caller,
      body: { version: 1 },
    });
    const published = Date.parse(
      (await call(env, "GET", "/api/v1/agreement", { as: org.hr.caller })).json().agreement.publishedAt,
    );
    // Reminders go through notify: an inbox row each (emailed inside the person's hours or in the digest).
    const byId = new Map(
      [org.owner, org.admin, org.hr, org.manager, org.member].map((p) => [p.person.id, p.person.email]),
    );
    const remindersTo = async () =>
      (
        await env.deps.db
          .select({ recipientId: notifications.recipientId })
          .from(notifications)
          .where(eq(notifications.kind, "acknowledgement.reminder"))
      )
        .map((r) => byId.get(r.recipientId))
        .sort();

    await remindOverdueAcknowledgements(env.deps, published + 2 * DAY); // default: 3 days
    expect(await remindersTo()).toEqual([]);

    await remindOverdueAcknowledgements(env.deps, published + 4 * DAY);
    const pending = [org.owner, org.admin, org.hr, org.manager].map((p) => p.person.email).sort();
    expect(await remindersTo()).toEqual(pending);

    await remindOverdueAcknowledgements(env.deps, published + 5 * DAY);
    expect(await remindersTo()).toEqual(pending); // reminded once per version
    await env.app.close();
  });
});

// Europe/London in December is UTC: makeOrg's people work Monday to Friday, 09:00–17:00.
const WED_EVENING = utc(2026, 12, 9, 20);
const THU_0900 = utc(2026, 12, 10, 9);

describe("reminders sent from the acknowledgements page", () => {
  const remindersOf = (env: TestEnv, org: TestOrg) =>
    env.deps.db
      .select({ urgent: notifications.urgent, deliveredAt: notifications.deliveredAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, org.organisation.id),
          eq(notifications.kind, "acknowledgement.reminder"),
        ),
      );
  const remind = (env: TestEnv, org: TestOrg, body?: unknown) =>
    call(env, "POST", "/api/v1/agreement/compliance/remind", { as: org.hr.caller, body });

  it("delivers urgent ones at once, outside people's hours, and logs them with the sender", async () => {
    const env = await testEnv();
    let now = WED_EVENING;
    env.deps.clock = { now: () => new Date(now) };
    try {
      const org = await makeOrg(env);
      const res = await remind(env, org, { urgent: true });
      expect(res.statusCode).toBe(200);
      const pending = res.json().reminded;
      expect(pending).toBeGreaterThan(0);
      expect(await remindersOf(env, org)).toEqual(
        Array.from({ length: pending }, () => ({ urgent: true, deliveredAt: new Date(WED_EVENING) })),
      );

      now = THU_0900;
      const log = await call(env, "GET", "/api/v1/notifications/urgent-log", { as: org.hr.caller });
      expect(log.json().summary).toEqual({ total: pending, outsideHours: pending });
      for (const entry of log.json().entries)
        expect(entry).toMatchObject({
          senderId: org.hr.person.id,
          kind: "acknowledgement.reminder",
          outsideHours: true,
        });
    } finally {
      env.deps.clock = systemClock;
    }
  });

  it("holds plain ones (no body, or not urgent) until people's hours, out of the urgent log", async () => {
    const env = await testEnv();
    env.deps.clock = { now: () => new Date(WED_EVENING) };
    try {
      const [withoutBody, notUrgent] = [await makeOrg(env), await makeOrg(env)];
      expect((await remind(env, withoutBody)).statusCode).toBe(200);
      expect((await remind(env, notUrgent, { urgent: false })).statusCode).toBe(200);
      for (const org of [withoutBody, notUrgent]) {
        const rows = await remindersOf(env, org);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => !r.urgent && r.deliveredAt === null)).toBe(true);
      }
      const log = await call(env, "GET", "/api/v1/notifications/urgent-log", { as: notUrgent.hr.caller });
      expect(log.json().summary.total).toBe(0);
    } finally {
      env.deps.clock = systemClock;
    }
  });

  it("answers 400 in words for an urgent flag that is not true or false", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const res = await remind(env, org, { urgent: "yes" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Urgent must be true or false/);
    expect(await remindersOf(env, org)).toEqual([]);
  });
});
