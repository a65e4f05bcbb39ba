import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { closeEnv, freshEnv, type TestEnv, writesDuring } from "../../../../test/support/harness";
import { utc } from "../../../../test/support/time";
import { outboxEmails } from "../outbox";
import { DEFAULT_WEEK, people } from "../people";
import { notify } from "./notifications.service";
import { notifications } from "./notifications.table";

// Its own database: the 2,500 emails it queues would otherwise keep the shared worker busy.
let env: TestEnv;
beforeAll(async () => {
  env = await freshEnv();
  env.deps.clock = { now: () => new Date(utc(2026, 12, 9, 12)) }; // Wednesday noon in London
});
afterAll(() => closeEnv(env));

describe("a notification to a whole organisation", () => {
  it("reaches 5,000 people in one transaction with a bounded number of statements", async () => {
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    const rows = await env.deps.db
      .insert(people)
      .values(
        Array.from({ length: 5000 }, (_, i) => ({
          organisationId,
          name: `Person ${i}`,
          email: `p${i}-${organisationId}@example.test`,
          role: "member" as const,
          timeZone: i % 2 ? "Europe/London" : "Asia/Tokyo",
          workingPattern: DEFAULT_WEEK,
          active: true,
        })),
      )
      .returning({ id: people.id });
    const { writes } = await writesDuring(() =>
      env.deps.db.transaction((tx) =>
        notify(tx, env.deps, {
          organisationId,
          recipients: rows.map((r) => r.id),
          kind: "policy.version_to_acknowledge",
          subject: "A new policy",
          body: "Please read it.",
          link: "/agreement/policies",
        }),
      ),
    );
    const [stored] = await env.deps.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.organisationId, organisationId));
    expect(stored?.n).toBe(5000);
    // Half are inside their hours (London at noon): emailed at once, in one outbox insert.
    const [emails] = await env.deps.db
      .select({ n: count() })
      .from(outboxEmails)
      .where(eq(outboxEmails.organisationId, organisationId));
    expect(emails?.n).toBe(2500);
    // Inserts of 500 rows, not one per person (notifications, live events, outbox, jobs, updates).
    expect(writes.length).toBeLessThan(40);
  });
});
