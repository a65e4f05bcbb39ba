import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, freshEnv } from "../../../../test/support/harness";
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
