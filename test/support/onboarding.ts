import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { CreatePersonBody } from "../../src/contracts/people";
import { invitePerson } from "../../src/server/modules/onboarding";
import { invitations } from "../../src/server/modules/onboarding/invitations.table";
import { outboxEmails } from "../../src/server/modules/outbox";
import { actorOf, type TestOrg, type TestPerson } from "./factories";
import type { TestEnv } from "./harness";

export const newcomer = (overrides: Partial<CreatePersonBody> = {}): CreatePersonBody => ({
  name: "Nia Newcomer",
  email: `newcomer-${randomUUID().slice(0, 8)}@example.test`,
  role: "member",
  timeZone: "Asia/Kolkata",
  ...overrides,
});

/** Invites someone through the service (as the org's admin unless `by` is given). */
export async function invite(
  env: TestEnv,
  org: TestOrg,
  overrides: Partial<CreatePersonBody> = {},
  by: TestPerson = org.admin,
) {
  const { person, invitation } = await invitePerson(env.deps, actorOf(by), newcomer(overrides));
  const [row] = await env.deps.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.organisationId, person.organisationId), eq(invitations.personId, person.id)));
  if (!row) throw new Error("invitation not stored");
  return { person, token: invitation.token, url: invitation.url, invitationId: row.id };
}

export async function outboxTo(env: TestEnv, organisationId: string, to: string) {
  return env.deps.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.organisationId, organisationId), eq(outboxEmails.to, to)))
    .orderBy(outboxEmails.createdAt);
}

/** The pg-boss send-email jobs for one outbox row. */
export async function sendEmailJobs(env: TestEnv, emailId: string) {
  const result = await env.deps.db.execute(
    sql`select state, data from pgboss.job where name = 'send-email' and data->>'emailId' = ${emailId}`,
  );
  return (result as unknown as { rows: { state: string; data: Record<string, unknown> }[] }).rows;
}

/** Polls until `check` answers something truthy, or fails after `timeoutMs` (the worker polls every 0.5 s). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the worker to process the only email to `to`, and answers the row. */
export async function processedEmailTo(env: TestEnv, organisationId: string, to: string) {
  return eventually(async () => {
    const [row] = await outboxTo(env, organisationId, to);
    return row && row.status !== "queued" ? row : undefined;
  });
}
