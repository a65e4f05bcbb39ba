import { describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, freshEnv } from "../../../../test/support/harness";
import { remindOverdueAcknowledgements } from "./acknowledgements.service";

const DAY = 86_400_000;

describe("the daily acknowledgement reminder sweep", () => {
  it("emails pending people once, only after TANDEM_ACK_REMINDER_DAYS", async () => {
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
    const remindersTo = async () =>
      (
        (await call(env, "GET", "/api/v1/outbox", { as: org.admin.caller })).json().emails as {
          to: string;
          subject: string;
        }[]
      )
        .filter((e) => e.subject.startsWith("Please read and acknowledge"))
        .map((e) => e.to)
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
