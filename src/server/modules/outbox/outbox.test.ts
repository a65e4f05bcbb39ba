import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, closeEnv, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import {
  eventually,
  invite,
  outboxTo,
  processedEmailTo,
  sendEmailJobs,
} from "../../../../test/support/onboarding";
import { startSmtp, type TestSmtp } from "../../../../test/support/smtp";
import { deliverEmail, queueEmail } from "./outbox.service";

describe("outbox without SMTP", () => {
  it("queues the invitation with a send-email job, keeps it, and shows it to admins only", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { person, url } = await invite(env, org);

    const [queued] = await outboxTo(env, org.organisation.id, person.email);
    expect(queued).toBeDefined();
    const jobs = await sendEmailJobs(env, queued?.id ?? "");
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data).toEqual({ emailId: queued?.id, organisationId: org.organisation.id });

    const kept = await processedEmailTo(env, org.organisation.id, person.email);
    expect(kept.status).toBe("kept");
    expect(kept.processedAt).toBeInstanceOf(Date);
    await eventually(async () => (await sendEmailJobs(env, kept.id))[0]?.state === "completed");

    const res = await call(env, "GET", "/api/v1/outbox", { as: org.admin.caller });
    expect(res.statusCode).toBe(200);
    const [email] = res.json().emails;
    expect(email).toMatchObject({
      id: kept.id,
      to: person.email,
      status: "kept",
      error: null,
      attachments: [],
    });
    expect(email.subject).toBe(`${org.admin.person.name} invited you to ${org.organisation.name} on Tandem`);
    expect(email.text).toContain(url);
    expect((await call(env, "GET", "/api/v1/outbox", { as: org.owner.caller })).json().emails[0].id).toBe(
      kept.id,
    );
    for (const who of ["hr", "manager", "member"] as const) {
      expect((await call(env, "GET", "/api/v1/outbox", { as: org[who].caller })).statusCode).toBe(403);
    }
    const other = await makeOrg(env);
    expect((await call(env, "GET", "/api/v1/outbox", { as: other.admin.caller })).json().emails).toEqual([]);
  });

  it("pages newest first, also through emails queued in one transaction", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const organisationId = org.organisation.id;
    await env.deps.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) {
        await queueEmail(tx, env.deps, {
          organisationId,
          to: `p${n}@example.test`,
          subject: `s${n}`,
          text: "t",
        });
      }
    });
    await env.deps.db.transaction(async (tx) => {
      await queueEmail(tx, env.deps, { organisationId, to: "last@example.test", subject: "s4", text: "t" });
    });
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page = (
        await call(env, "GET", `/api/v1/outbox?limit=2${query}`, { as: org.admin.caller })
      ).json();
      expect(page.emails.length).toBeLessThanOrEqual(2);
      seen.push(...page.emails.map((e: { to: string }) => e.to));
      cursor = page.nextCursor;
    }
    expect(seen[0]).toBe("last@example.test");
    expect(seen.toSorted()).toEqual([
      "last@example.test",
      "p1@example.test",
      "p2@example.test",
      "p3@example.test",
    ]);
  });
});

describe("outbox with SMTP", () => {
  let env: TestEnv;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    // A database of its own: on PostgreSQL the shared one has workers without SMTP polling the same queue.
    env = await freshEnv({ SMTP_URL: smtp.url, SMTP_FROM: "Tandem <tandem@example.test>" });
  });
  afterAll(async () => {
    await closeEnv(env);
    await smtp.close();
  });

  it("sends the invitation by the job over SMTP, once", async () => {
    const org = await makeOrg(env);
    const { person, url } = await invite(env, org, { name: "Sam Smtp" });
    const [queued] = await outboxTo(env, org.organisation.id, person.email);
    expect(await sendEmailJobs(env, queued?.id ?? "")).toHaveLength(1);

    const sent = await processedEmailTo(env, org.organisation.id, person.email);
    expect(sent).toMatchObject({ status: "sent", error: null });
    const mail = smtp.received.find((m) => m.text?.includes(url));
    expect(mail?.to).toMatchObject({ text: person.email });
    expect(mail?.from?.text).toContain("tandem@example.test");
    expect(mail?.subject).toBe(`${org.admin.person.name} invited you to ${org.organisation.name} on Tandem`);
    expect(mail?.text).toContain("Hello Sam Smtp,");

    const before = smtp.received.length;
    await deliverEmail(env.deps, { emailId: sent.id, organisationId: org.organisation.id });
    expect(smtp.received.length).toBe(before);
  });

  it("records a refused delivery as failed and leaves the job to pg-boss's retry", async () => {
    const org = await makeOrg(env);
    smtp.refuse.push("bounce-");
    const { person } = await invite(env, org, { email: "bounce-me@example.test" });
    const failed = await processedEmailTo(env, org.organisation.id, person.email);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("bounce-me@example.test");
    // The row is marked failed inside the handler, just before it throws: wait for pg-boss to record the retry.
    const state = await eventually(async () => {
      const job = (await sendEmailJobs(env, failed.id))[0];
      return job?.state === "active" ? undefined : job?.state;
    });
    expect(state).toBe("retry");

    smtp.refuse.length = 0;
    await deliverEmail(env.deps, { emailId: failed.id, organisationId: org.organisation.id });
    const [retried] = await outboxTo(env, org.organisation.id, person.email);
    expect(retried).toMatchObject({ status: "sent", error: null });
    expect(smtp.received.some((m) => m.to && "text" in m.to && m.to.text === person.email)).toBe(true);
  });
});
