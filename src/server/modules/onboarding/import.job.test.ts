import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { ImportReport, PeopleImportView } from "../../../contracts/onboarding";
import { outboxEmails } from "../outbox";
import { people } from "../people";
import { teamMembers, teams } from "../teams";
import { runImport } from "./import.job";
import { invitations } from "./invitations.table";

const HEADER = "name,email,role,timeZone,team";

/** `count` rows; every 7th in team "Crew"; with the line-1 email of `org.member` and one repeat. */
function bigCsv(org: TestOrg, rows: number, tag: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(`Person ${i},p${i}@${tag}.test,member,Asia/Kolkata,${i % 7 ? "" : "Crew"}`);
  lines[3] = `Already Here,${org.member.person.email},member,UTC,`;
  lines[rows] = `Repeat,p1@${tag}.test,member,UTC,`;
  return `${lines.join("\n")}\n`;
}

const importCsv = (env: TestEnv, org: TestOrg, csv: string) =>
  call(env, "POST", "/api/v1/people/import", {
    as: org.hr.caller,
    payload: csv,
    headers: { "content-type": "text/csv" },
  });

async function finished(env: TestEnv, org: TestOrg, id: string): Promise<PeopleImportView> {
  let view: PeopleImportView | undefined;
  await vi.waitFor(
    async () => {
      const res = await call(env, "GET", `/api/v1/people/imports/${id}`, { as: org.hr.caller });
      expect(res.statusCode).toBe(200);
      view = res.json().import;
      expect(view?.status).toMatch(/done|failed/);
    },
    { timeout: 25_000, interval: 200 },
  );
  return view as PeopleImportView;
}

function expectReport(report: ImportReport, org: TestOrg, rows: number, tag: string) {
  expect(report.skipped).toEqual([
    { row: 4, email: org.member.person.email, reason: "someone in the organisation already has this email" },
    { row: rows + 1, email: `p1@${tag}.test`, reason: "the same email is on line 3" },
  ]);
  expect(report.created).toHaveLength(rows - 2);
  expect(report.created.map((c) => c.row)).toEqual(
    Array.from({ length: rows }, (_, i) => i + 2).filter((r) => r !== 4 && r !== rows + 1),
  );
}

describe("importing a large file as a job", () => {
  it("answers 202 with the import for 600 rows; the job finishes it and the report matches", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const tag = `job-${randomUUID().slice(0, 8)}`;
    const res = await importCsv(env, org, bigCsv(org, 600, tag));
    expect(res.statusCode).toBe(202);
    const started: PeopleImportView = res.json().import;
    expect(started).toMatchObject({ status: "queued", total: 600, processed: 0 });
    // Also run the job here: on the shared PostgreSQL database another test process may hold it.
    await runImport(env.deps, { importId: started.id, organisationId: org.organisation.id });

    const done = await finished(env, org, started.id);
    expect(done).toMatchObject({ status: "done", total: 600, processed: 600, error: null });
    expectReport(done.report, org, 600, tag);

    const ids = done.report.created.map((c) => c.personId);
    const [created] = await env.deps.db.select({ n: count() }).from(people).where(inArray(people.id, ids));
    expect(created?.n).toBe(598);
    const [invited] = await env.deps.db
      .select({ n: count() })
      .from(invitations)
      .where(inArray(invitations.personId, ids));
    expect(invited?.n).toBe(598);
    const [emails] = await env.deps.db
      .select({ n: count() })
      .from(outboxEmails)
      .where(eq(outboxEmails.organisationId, org.organisation.id));
    expect(emails?.n).toBeGreaterThanOrEqual(598);
    const crew = await env.deps.db
      .select({ personId: teamMembers.personId })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(and(eq(teams.organisationId, org.organisation.id), eq(teams.name, "Crew")));
    expect(crew).toHaveLength(Array.from({ length: 600 }, (_, i) => i).filter((i) => i % 7 === 0).length);
  });

  it("keeps a file of 500 rows synchronous, with the same report", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const tag = `sync-${randomUUID().slice(0, 8)}`;
    const res = await importCsv(env, org, bigCsv(org, 500, tag));
    expect(res.statusCode).toBe(200);
    expectReport(res.json(), org, 500, tag);
  });

  it("shows an import only to admin and hr of its organisation, and names a bad id", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const res = await importCsv(env, org, bigCsv(org, 501, `x-${randomUUID().slice(0, 8)}`));
    const { id } = res.json().import;
    await finished(env, org, id);
    const foreign = await call(env, "GET", `/api/v1/people/imports/${id}`, { as: other.admin.caller });
    expect(foreign.statusCode).toBe(404);
    const member = await call(env, "GET", `/api/v1/people/imports/${id}`, { as: org.member.caller });
    expect(member.statusCode).toBe(403);
    const bad = await call(env, "GET", "/api/v1/people/imports/not-an-id", { as: org.hr.caller });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("id");
  });
});
