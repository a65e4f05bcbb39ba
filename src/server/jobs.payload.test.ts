import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { makeOrg, type TestOrg } from "../../test/support/factories";
import { freshEnv, type TestEnv } from "../../test/support/harness";
import { eventually } from "../../test/support/onboarding";
import { startSmtp, type TestSmtp } from "../../test/support/smtp";
import { outboxEmails, queueEmail, queueEmails, sendEmailJob } from "./modules/outbox";
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

describe("a batch of jobs", () => {
  let smtp: TestSmtp;
  let mailEnv: TestEnv;
  beforeAll(async () => {
    smtp = await startSmtp();
    // A database of its own with SMTP, so its worker (and no other) takes these send-email jobs.
    mailEnv = await freshEnv({ SMTP_URL: smtp.url }, log);
  });
  afterAll(async () => {
    await mailEnv.app.close();
    await smtp.close();
  });

  it("fails only the job whose handler throws, logged, and completes the rest of its fetch", async () => {
    const mailOrg = await makeOrg(mailEnv);
    smtp.refuse.push("nobody@");
    const to = ["a", "b", "nobody", "c", "d"].map((name) => `${name}@example.test`);
    // One transaction: every job is visible at once, so the worker takes them in one fetch.
    await mailEnv.deps.db.transaction((tx) =>
      queueEmails(
        tx,
        mailEnv.deps,
        to.map((address) => ({
          organisationId: mailOrg.organisation.id,
          to: address,
          subject: "Batch",
          text: "t",
        })),
      ),
    );
    const emails = await mailEnv.deps.db
      .select({ id: outboxEmails.id, to: outboxEmails.to })
      .from(outboxEmails)
      .where(eq(outboxEmails.organisationId, mailOrg.organisation.id));
    const jobsOf = async () => {
      const result = await mailEnv.deps.db.execute(
        sql`select id, data->>'emailId' as "emailId", state, output, started_on as "startedOn"
            from pgboss.job where name = ${sendEmailJob.name}`,
      );
      const rows = (result as unknown as { rows: BatchJob[] }).rows;
      return emails.map((e) => ({ to: e.to, job: rows.find((r) => r.emailId === e.id) }));
    };
    const settled = await eventually(async () => {
      const jobs = await jobsOf();
      return jobs.every((j) => j.job && j.job.state !== "created" && j.job.state !== "active")
        ? jobs
        : undefined;
    });

    expect(new Set(settled.map((j) => String(j.job?.startedOn))).size).toBe(1); // one fetch
    const failing = settled.find((j) => j.to === "nobody@example.test")?.job;
    expect(failing?.state).toBe("retry");
    expect(failing?.output?.reason).toMatch(/nobody@example\.test/);
    expect(logged).toContainEqual({
      fields: {
        queue: "send-email",
        jobId: failing?.id,
        reason: expect.stringMatching(/nobody@example\.test/),
      },
      message: "job send-email failed",
    });
    expect(settled.filter((j) => j.to !== "nobody@example.test").map((j) => j.job?.state)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
    ]);
    const statuses = await mailEnv.deps.db
      .select({ to: outboxEmails.to, status: outboxEmails.status })
      .from(outboxEmails)
      .where(eq(outboxEmails.organisationId, mailOrg.organisation.id));
    expect(Object.fromEntries(statuses.map((e) => [e.to, e.status]))).toEqual({
      "a@example.test": "sent",
      "b@example.test": "sent",
      "nobody@example.test": "failed",
      "c@example.test": "sent",
      "d@example.test": "sent",
    });
    expect(smtp.received.filter((m) => m.subject === "Batch").map((m) => m.to)).toHaveLength(4);
  });
});

interface BatchJob {
  id: string;
  emailId: string;
  state: string;
  output: { reason?: string } | null;
  startedOn: unknown;
}
