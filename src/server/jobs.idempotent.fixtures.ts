import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { z } from "zod";
import type { TestEnv } from "../../test/support/harness";
import { startSmtp, type TestSmtp } from "../../test/support/smtp";
import type { auditLog } from "./modules/audit/audit.table";
import type { notifications } from "./modules/notifications/notifications.table";
import type { outboxEmails } from "./modules/outbox";
import type { people } from "./modules/people";
import type { JobDefinition } from "./platform/job";

/**
 * What the job cases of `jobs.idempotent.test.ts` share: each themed `jobs.idempotent.*.fixtures.ts`
 * exports its cases (job name → a run-twice check), spread into the test's `cases`, which must name every job.
 */
export type JobCases = Record<string, () => Promise<void>>;

export const DAY = 86_400_000;
const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10).replace(/-/g, "");
const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:idempotent@test",
  `DTSTART:${tomorrow}T090000Z`,
  `DTEND:${tomorrow}T103000Z`,
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** The local servers the outbound jobs talk to: one answering any URL with a calendar (404 for /missing.ics), and SMTP. */
export interface LocalServers {
  icsBase: string;
  smtp: TestSmtp;
  close(): Promise<void>;
}

/** Starts the local servers (in the test's beforeAll), so no job reaches outside the machine. */
export async function startLocalServers(): Promise<LocalServers> {
  const server = createServer((req, res) => {
    if (req.url === "/missing.ics") res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "text/calendar" }).end(ICS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const icsBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const smtp = await startSmtp();
  return {
    icsBase,
    smtp,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await smtp.close();
    },
  };
}

/** Runs the job's handler twice with one payload: the second run must change nothing `state` reads. */
export async function runTwice<D>(
  job: JobDefinition<z.ZodType, D>,
  deps: D,
  payload: unknown,
  state: () => Promise<unknown>,
): Promise<unknown> {
  await job.handle(deps, payload);
  const once = await state();
  await job.handle(deps, payload);
  expect(await state()).toEqual(once);
  return once;
}

/** How many rows of `table` the organisation has. */
export const rowsOf = async (
  env: TestEnv,
  table: typeof auditLog | typeof outboxEmails | typeof people | typeof notifications,
  org: string,
) => (await env.deps.db.select({ n: count() }).from(table).where(eq(table.organisationId, org)))[0]?.n;
