import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { makeOrg, type TestOrg } from "../../test/support/factories";
import { freshEnv, type TestEnv } from "../../test/support/harness";
import { eventually } from "../../test/support/onboarding";
import { outboxEmails, queueEmail, sendEmailJob } from "./modules/outbox";
import type { Log } from "./platform/log";

const logged: { fields: Record<string, unknown>; message: string }[] = [];
const record = (fields: Record<string, unknown>, message: string) => void logged.push({ fields, message });
const log: Log = { info: record, warn: record, error: record };

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  // Its own database, so no other test app's worker takes these jobs.
  env = await freshEnv({}, log);
  org = await makeOrg(env);
});
afterAll(() => env.app.close());

async function jobState(id: string) {
  const result = await env.deps.db.execute(sql`select state, output from pgboss.job where id = ${id}`);
  return (result as unknown as { rows: { state: string; output: { reason?: string } | null }[] }).rows[0];
}

describe("job payloads are checked on both sides", () => {
  it("sending a payload the job's schema refuses is a programmer error, and nothing is queued", async () => {
    const sent = env.deps.db.transaction((tx) =>
      env.deps.jobs.send(tx, sendEmailJob, { emailId: "not-an-id", organisationId: org.organisation.id }),
    );
    await expect(sent).rejects.toThrow(/job "send-email" was sent an invalid payload: emailId: /);
    // @ts-expect-error a payload missing a field does not type-check
    const missing = () => env.deps.jobs.send(env.deps.db, sendEmailJob, { emailId: org.organisation.id });
    await expect(missing()).rejects.toThrow(/organisationId/);
  });

  it("a worker fails a job with an invalid payload for good, logs why, and keeps working", async () => {
    // An older sender with a looser schema: the worker's own schema is what counts.
    const loose = { name: sendEmailJob.name, payload: z.object({ emailId: z.string() }) };
    const bad = await env.deps.jobs.send(env.deps.db, loose, { emailId: "not-an-id" });

    const failed = await eventually(async () => {
      const job = await jobState(bad);
      return job?.state === "failed" ? job : undefined;
    });
    expect(failed.output?.reason).toMatch(/^invalid payload: emailId: .*; organisationId: /);
    expect(logged).toContainEqual({
      fields: { queue: "send-email", jobId: bad, reason: expect.stringMatching(/^emailId: /) },
      message: "job send-email refused: its payload is invalid",
    });

    const id = await env.deps.db.transaction((tx) =>
      queueEmail(tx, env.deps, {
        organisationId: org.organisation.id,
        to: "a@example.test",
        subject: "s",
        text: "t",
      }),
    );
    const kept = await eventually(async () => {
      const [row] = await env.deps.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
      return row?.status === "kept" ? row : undefined;
    });
    expect(kept.status).toBe("kept"); // no SMTP here: kept for admins to read
  });
});
