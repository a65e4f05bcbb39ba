import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actorOf, makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { outboxTo } from "../../../../test/support/onboarding";
import { people } from "../people";
import { createTeam, teamMembers, teams } from "../teams";
import { importPeople } from "./import.service";
import { invitations } from "./invitations.table";

const HEADER = "name,email,role,timeZone,team";

const importCsv = (env: TestEnv, org: TestOrg, csv: string, as = org.hr.caller) =>
  call(env, "POST", "/api/v1/people/import", {
    as,
    payload: csv,
    headers: { "content-type": "text/csv; charset=utf-8" },
  });

const namesOf = async (env: TestEnv, org: TestOrg, emails: string[]) =>
  (
    await env.deps.db
      .select({ name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, org.organisation.id), inArray(people.email, emails)))
  ).map((p) => p.name);

describe("POST /api/v1/people/import", () => {
  it("creates and invites people, puts them in teams by name, and skips emails already there", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const design = await createTeam(env.deps, actorOf(org.admin), "Design");
    const csv = [
      HEADER,
      '"Doe, Jane",jane@import.test,member,Europe/London,design',
      '"Ravi ""RK"" Kumar",ravi@import.test,Manager,Asia/Kolkata,"Support, EMEA"',
      `Already Here,${org.member.person.email.toUpperCase()},member,UTC,`,
      "Jane Again,JANE@import.test,member,UTC,",
      '"Multi',
      'line",multi@import.test,hr,Pacific/Chatham,',
      "",
    ].join("\r\n");
    const res = await importCsv(env, org, csv, org.admin.caller);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.created.map((c: { row: number; email: string }) => [c.row, c.email])).toEqual([
      [2, "jane@import.test"],
      [3, "ravi@import.test"],
      [6, "multi@import.test"],
    ]);
    expect(report.skipped).toEqual([
      {
        row: 4,
        email: org.member.person.email,
        reason: "someone in the organisation already has this email",
      },
      { row: 5, email: "jane@import.test", reason: "the same email is on line 2" },
    ]);
    expect(
      (await namesOf(env, org, ["jane@import.test", "ravi@import.test", "multi@import.test"])).sort(),
    ).toEqual(["Doe, Jane", "Multi\r\nline", 'Ravi "RK" Kumar']);

    const [jane, ravi] = report.created.map((c: { personId: string }) => c.personId);
    const memberships = await env.deps.db
      .select({ personId: teamMembers.personId, team: teams.name, teamId: teams.id })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(inArray(teamMembers.personId, [jane, ravi]));
    expect(memberships).toContainEqual({ personId: jane, team: "Design", teamId: design.id });
    expect(memberships.find((m) => m.personId === ravi)?.team).toBe("Support, EMEA");

    const invited = await env.deps.db.select().from(invitations).where(eq(invitations.personId, jane));
    expect(invited).toHaveLength(1);
    const [email] = await outboxTo(env, org.organisation.id, "jane@import.test");
    expect(email?.text).toContain("http://tandem.test/invitations/");
  });

  it("rejects a malformed file whole, naming each bad line, and creates nothing", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const csv = [
      HEADER,
      "Good Person,good@import.test,member,UTC,New Team",
      "Bad Email,not-an-email,member,UTC,",
      "Bad Zone,zone@import.test,member,Mars/Olympus,",
      "Too Few,few@import.test,member",
      "Bad Role,role@import.test,boss,UTC,",
    ].join("\n");
    const res = await importCsv(env, org, csv);
    expect(res.statusCode).toBe(400);
    const { message, details } = res.json().error;
    expect(message).toContain("line 3: email must be an email address");
    expect(message).toContain("line 4: timeZone must be an IANA time zone");
    expect(message).toContain("line 5: expected 5 columns, found 3");
    expect(message).toContain("line 6: role must be one of owner, admin, hr, manager, member");
    expect(details.problems).toHaveLength(4);
    expect(await namesOf(env, org, ["good@import.test"])).toEqual([]);
    const created = await env.deps.db
      .select()
      .from(teams)
      .where(eq(teams.organisationId, org.organisation.id));
    expect(created).toEqual([]);

    const header = await importCsv(env, org, "name,email,team\nA,a@import.test,X\n");
    expect(header.statusCode).toBe(400);
    expect(header.json().error.message).toContain(`line 1: the first line must be the header ${HEADER}`);
    const quote = await importCsv(env, org, `${HEADER}\nA,a@import.test,member,UTC,\n"Open,b@import.test`);
    expect(quote.json().error.message).toContain("line 3: a quoted field is never closed");
  });

  it("refuses a row with a role the importer may not give, naming the line, and creates nothing", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const csv = `${HEADER}\nFine,fine@import.test,member,UTC,\nHera,hera@import.test,hr,UTC,\n`;
    const res = await importCsv(env, org, csv);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("line 3:");
    expect(await namesOf(env, org, ["fine@import.test"])).toEqual([]);
    expect((await importCsv(env, org, csv, org.admin.caller)).statusCode).toBe(200);
  });

  it("wants text/csv of at most 5 MB, and reports progress to the CLI", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const json = await call(env, "POST", "/api/v1/people/import", {
      as: org.admin.caller,
      body: { csv: "x" },
    });
    expect(json.statusCode).toBe(415);
    const huge = await importCsv(env, org, `${HEADER}\n${"x".repeat(5 * 1024 * 1024)}`, org.admin.caller);
    expect(huge.statusCode).toBe(413);

    const progress: [number, number][] = [];
    const csv = `${HEADER}\nA,a@progress.test,member,UTC,\nB,b@progress.test,member,UTC,\n`;
    const report = await importPeople(env.deps, actorOf(org.admin), csv, (done, total) =>
      progress.push([done, total]),
    );
    expect(report.created).toHaveLength(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
