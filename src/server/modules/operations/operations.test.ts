import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { eventually } from "../../../../test/support/onboarding";
import { auditLog } from "../audit/audit.table";
import { webhooks } from "../notifications";
import { outboxEmails, sendEmailJob } from "../outbox";
import { backups } from "./backups.table";

let env: TestEnv;
let org: TestOrg;
let foreign: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
  foreign = await makeOrg(env);
});

/** A send-email job of `organisationId` that failed for good (written failed in the transaction that queues it). */
async function failedJob(organisationId: string, reason: string): Promise<string> {
  return env.deps.db.transaction(async (tx) => {
    const id = await env.deps.jobs.send(tx, sendEmailJob, { emailId: randomUUID(), organisationId });
    await tx.execute(
      sql`update pgboss.job set state = 'failed', completed_on = now(), output = ${JSON.stringify({ reason })}::jsonb
          where name = ${sendEmailJob.name} and id = ${id}::uuid`,
    );
    return id;
  });
}

async function jobState(id: string): Promise<string | undefined> {
  const result = (await env.deps.db.execute(
    sql`select state from pgboss.job where id = ${id}::uuid`,
  )) as unknown as {
    rows: { state: string }[];
  };
  return result.rows[0]?.state;
}

describe("GET /api/v1/admin/operations", () => {
  it("shows version, database, jobs, last backup, mail and webhook health to admins", async () => {
    const mine = await failedJob(org.organisation.id, "SMTP said no");
    const theirs = await failedJob(foreign.organisation.id, "their secret trouble");
    const now = env.deps.clock.now();
    const o = org.organisation.id;
    await env.deps.db.insert(outboxEmails).values([
      { organisationId: o, to: "a@example.test", subject: "s", text: "t", status: "sent", processedAt: now },
      {
        organisationId: o,
        to: "b@example.test",
        subject: "s",
        text: "t",
        status: "failed",
        error: "mailbox full",
      },
      {
        organisationId: foreign.organisation.id,
        to: "c@example.test",
        subject: "s",
        text: "t",
        status: "failed",
        error: "not yours",
      },
    ]);
    const hook = {
      organisationId: o,
      url: "https://hooks.example.test/x",
      format: "signed" as const,
      events: [],
      secret: "s",
    };
    const failingSince = new Date("2026-03-01T10:00:00Z");
    await env.deps.db
      .insert(webhooks)
      .values([
        hook,
        { ...hook, firstFailureAt: failingSince },
        { ...hook, enabled: false, disabledReason: "failing for 24 hours" },
      ]);
    const takenAt = new Date("2099-01-01T00:00:00Z");
    await env.deps.db
      .insert(backups)
      .values({ takenAt, bytes: 1234, databaseKind: "pglite", via: "cli", tandemVersion: "0.1.0" });

    const res = await call(env, "GET", "/api/v1/admin/operations", { as: org.admin.caller });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.kind).toBe(env.deps.database.kind);
    expect(body.database.sizeBytes).toBeGreaterThan(1_000_000);
    expect(body.jobs.failed).toBeGreaterThanOrEqual(1);
    const ids = body.jobs.failedJobs.map((j: { id: string }) => j.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect(body.jobs.failedJobs.find((j: { id: string }) => j.id === mine)).toMatchObject({
      name: "send-email",
      error: "SMTP said no",
      failedAt: expect.any(String),
    });
    expect(body.lastBackupAt).toBe(takenAt.toISOString());
    expect(body.lastBackup).toEqual({ at: takenAt.toISOString(), bytes: 1234, kind: "pglite" });
    expect(body.mail).toEqual({
      configured: false,
      sentLast24h: 1,
      failedLast24h: 1,
      lastError: "mailbox full",
    });
    expect(body.webhooks).toEqual({
      active: 2,
      failing: 1,
      disabled: 1,
      lastFailureAt: failingSince.toISOString(),
    });
  });

  it("counts queued jobs of the organisation, not another's", async () => {
    const count = async () =>
      (await call(env, "GET", "/api/v1/admin/operations", { as: org.owner.caller })).json().jobs
        .queued as number;
    const before = await count();
    const mine = await env.deps.db.transaction(async (tx) => {
      const id = await env.deps.jobs.send(tx, sendEmailJob, {
        emailId: randomUUID(),
        organisationId: org.organisation.id,
      });
      // Held back an hour, so the worker leaves it queued while we count.
      await tx.execute(
        sql`update pgboss.job set start_after = now() + interval '1 hour' where id = ${id}::uuid`,
      );
      await env.deps.jobs.send(tx, sendEmailJob, {
        emailId: randomUUID(),
        organisationId: foreign.organisation.id,
      });
      await tx.execute(
        sql`update pgboss.job set start_after = now() + interval '1 hour' where name = 'send-email' and state = 'created' and data->>'organisationId' = ${foreign.organisation.id}`,
      );
      return id;
    });
    expect(await count()).toBe(before + 1);
    await env.deps.db.execute(sql`update pgboss.job set state = 'cancelled' where id = ${mine}::uuid`);
  });
});

describe("POST /api/v1/admin/operations/jobs/:id/retry", () => {
  it("runs a failed job again, audited; another organisation's job is not found", async () => {
    const mine = await failedJob(org.organisation.id, "temporary failure");
    const theirs = await failedJob(foreign.organisation.id, "theirs");

    const other = await call(env, "POST", `/api/v1/admin/operations/jobs/${theirs}/retry`, {
      as: org.admin.caller,
    });
    expect(other.statusCode).toBe(404);
    expect(await jobState(theirs)).toBe("failed");

    const res = await call(env, "POST", `/api/v1/admin/operations/jobs/${mine}/retry`, {
      as: org.admin.caller,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ job: { id: mine, name: "send-email" } });
    // The worker takes it again: the email it names does not exist, so it completes doing nothing.
    await eventually(async () => (await jobState(mine)) === "completed");
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, org.organisation.id), eq(auditLog.action, "job.retried")));
    expect(audit).toMatchObject([
      { actorId: org.admin.person.id, targetType: "job", targetId: mine, data: { name: "send-email" } },
    ]);

    const again = await call(env, "POST", `/api/v1/admin/operations/jobs/${mine}/retry`, {
      as: org.admin.caller,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe("No failed job with this id; it may have run again already");
  });

  it("refuses a malformed id with a sentence naming it", async () => {
    const res = await call(env, "POST", "/api/v1/admin/operations/jobs/not-an-id/retry", {
      as: org.admin.caller,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("id");
  });
});
