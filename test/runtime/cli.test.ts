import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";
import { documents } from "../../src/server/modules/documents";
import { organisations } from "../../src/server/modules/organisations";
import { absences, people, zoneChanges } from "../../src/server/modules/people";
import { teamMembers, teams } from "../../src/server/modules/teams";
import { startRuntime } from "../../src/server/runtime";
import { type Scratch, scratchDatabase } from "./scratch";
import { exitWithin, tandem } from "./spawn";

// One database for the whole file: the commands build on each other, as they would for a person.
let scratch: Scratch;
let files: string;

beforeAll(async () => {
  scratch = await scratchDatabase("cli");
  files = await mkdtemp(join(tmpdir(), "tandem-csv-"));
});
afterAll(async () => {
  await scratch?.remove();
  await rm(files, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string> = {}) {
  const spawned = tandem(args, { ...scratch.env, ...env });
  const { code } = await exitWithin(spawned, 90_000);
  return { code, output: spawned.output() };
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<Scratch["open"]>>["db"]) => Promise<T>) {
  const database = await scratch.open();
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function login(email: string, password: string) {
  const runtime = await startRuntime(loadConfig({ ...scratch.env, TANDEM_LOG_LEVEL: "silent" }), {
    listen: false,
    logger: false,
  });
  try {
    const res = await runtime.app?.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
    });
    return { status: res?.statusCode, body: res?.json() };
  } finally {
    await runtime.stop();
  }
}

describe("tandem --help", () => {
  it("lists every command and exits 0", { timeout: 60_000 }, async () => {
    const { code, output } = await run(["--help"]);
    expect(code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "create-admin", "import-people", "import-docs"]) {
      expect(output).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it("explains each command's options", { timeout: 60_000 }, async () => {
    const { code, output } = await run(["create-admin", "--help"]);
    expect(code).toBe(0);
    for (const option of [
      "--email",
      "--name",
      "--password",
      "--org",
      "--time-zone",
      "TANDEM_ADMIN_PASSWORD",
    ]) {
      expect(output).toContain(option);
    }
  });
});

describe("tandem migrate", () => {
  it("creates and migrates a new database, then finds nothing to do", { timeout: 120_000 }, async () => {
    const first = await run(["migrate"]);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/Applied \d+ migrations? to /);
    expect(first.output).toContain("0000_init");
    const again = await run(["migrate"]);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/Nothing to apply: .* already has all \d+ migrations?/);
  });
});

describe("tandem seed --demo", () => {
  let password = "";

  it("creates Northwind Remote and prints how to sign in", { timeout: 90_000 }, async () => {
    const { code, output } = await run(["seed", "--demo"]);
    expect(code, output).toBe(0);
    expect(output).toContain("Sign in as the owner: olivia@northwind.example");
    expect(output).toMatch(/, 4 check-ins\.$/m);
    password = output.match(/^Password: (\S+)$/m)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(10);
  });

  it("stores people across zones, teams with leads, varied weeks, an absence and a trip", async () => {
    await withDatabase(async (db) => {
      const [org] = await db.select().from(organisations).where(eq(organisations.name, "Northwind Remote"));
      if (!org) throw new Error("no demo organisation");
      const staff = await db.select().from(people).where(eq(people.organisationId, org.id));
      expect(staff.length).toBeGreaterThanOrEqual(12);
      const zones = new Set(staff.map((p) => p.timeZone));
      expect(zones.size).toBeGreaterThanOrEqual(5);
      for (const zone of ["Asia/Kolkata", "America/New_York", "Europe/London", "Australia/Sydney"]) {
        expect(zones).toContain(zone);
      }
      expect(zones.has("Pacific/Auckland") || zones.has("America/Sao_Paulo")).toBe(true);

      const weeks = staff.map((p) => p.workingPattern);
      const hours = (i: { start: string; end: string }) =>
        (Date.parse(`1970-01-01T${i.end}Z`) - Date.parse(`1970-01-01T${i.start}Z`)) / 3_600_000;
      expect(weeks.some((w) => Object.keys(w).sort().join() === "mon,tue,wed")).toBe(true);
      expect(
        weeks.some((w) => {
          const days = Object.values(w);
          return days.length === 4 && days.every((d) => d.length === 1 && d[0] && hours(d[0]) === 10);
        }),
      ).toBe(true);
      expect(weeks.some((w) => Object.values(w).some((d) => d.length === 2))).toBe(true);

      const orgTeams = await db.select().from(teams).where(eq(teams.organisationId, org.id));
      expect(orgTeams).toHaveLength(3);
      for (const team of orgTeams) {
        const leads = await db
          .select()
          .from(teamMembers)
          .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.role, "lead")));
        expect(leads.length, team.name).toBeGreaterThanOrEqual(1);
      }
      const count = async (table: typeof absences | typeof zoneChanges) =>
        (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(table)
            .where(eq(table.organisationId, org.id))
        )[0]?.n;
      expect(await count(absences)).toBe(1);
      expect(await count(zoneChanges)).toBe(1);
    });
  });

  it("lets the owner sign in with the printed password", { timeout: 60_000 }, async () => {
    const res = await login("olivia@northwind.example", password);
    expect(res.status).toBe(200);
    expect(res.body.person.role).toBe("owner");
  });

  it("refuses to seed twice, saying so", { timeout: 60_000 }, async () => {
    const { code, output } = await run(["seed", "--demo"]);
    expect(code).toBe(0);
    expect(output).toContain('The demo organisation "Northwind Remote" exists already');
    const orgs = await withDatabase((db) =>
      db.select().from(organisations).where(eq(organisations.name, "Northwind Remote")),
    );
    expect(orgs).toHaveLength(1);
  });
});

describe("tandem create-admin", () => {
  it("creates an organisation with its owner; the password may come from the environment", {
    timeout: 90_000,
  }, async () => {
    const { code, output } = await run(
      [
        "create-admin",
        "--email",
        "Ada@Acme.test",
        "--name",
        "Ada Admin",
        "--org",
        "Acme",
        "--time-zone",
        "Europe/Paris",
      ],
      { TANDEM_ADMIN_PASSWORD: "kept out of history" },
    );
    expect(code, output).toBe(0);
    expect(output).toContain('Created the organisation "Acme"');
    const res = await login("ada@acme.test", "kept out of history");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      person: { role: "owner", timeZone: "Europe/Paris" },
      organisation: { name: "Acme" },
    });
  });

  it("adds an admin to an organisation that exists", { timeout: 90_000 }, async () => {
    const args = [
      "create-admin",
      "--email",
      "bo@acme.test",
      "--name",
      "Bo",
      "--org",
      "acme",
      "--time-zone",
      "UTC",
    ];
    const { code, output } = await run([...args, "--password", "a long password"]);
    expect(code, output).toBe(0);
    expect(output).toContain('Added bo@acme.test to "Acme"');
    const res = await login("bo@acme.test", "a long password");
    expect(res.body).toMatchObject({ person: { role: "admin" }, organisation: { name: "Acme" } });
    const twice = await run([...args, "--password", "a long password"]);
    expect(twice.code).toBe(1);
    expect(twice.output).toContain("already has that email");
  });

  it("exits 1 naming the bad options", { timeout: 60_000 }, async () => {
    const { code, output } = await run(
      ["create-admin", "--email", "not-an-email", "--name", "X", "--org", "Acme", "--time-zone", "Mars/Base"],
      { TANDEM_ADMIN_PASSWORD: "short" },
    );
    expect(code).toBe(1);
    expect(output).toMatch(/--email: must be an email address/);
    expect(output).toMatch(/--time-zone: must be an IANA time zone/);
    expect(output).toMatch(/--password \(or TANDEM_ADMIN_PASSWORD\): must be at least 10 characters/);
  });
});

describe("tandem import-people", () => {
  const file = (name: string) => join(files, name);

  it("imports a CSV with progress on stderr and a per-row report", { timeout: 90_000 }, async () => {
    const csv = file("people.csv");
    await writeFile(
      csv,
      [
        "name,email,role,timeZone,team",
        "Nia Import,nia@import.test,member,Africa/Lagos,Platform",
        "Oscar Import,oscar@import.test,manager,America/Chicago,Data",
        "Olivia Again,olivia@northwind.example,member,Europe/London,",
      ].join("\n"),
    );
    const { code, output } = await run([
      "import-people",
      csv,
      "--org",
      "Northwind Remote",
      "--as",
      "hannah@northwind.example",
    ]);
    expect(code, output).toBe(0);
    expect(output).toContain("[###-------] 1/3");
    expect(output).toContain("[##########] 3/3");
    expect(output).toContain('Imported into "Northwind Remote": 2 created, 1 skipped.');
    expect(output).toContain("line 2: created nia@import.test");
    expect(output).toContain(
      "line 4: skipped olivia@northwind.example: someone in the organisation already has this email",
    );
    const imported = await withDatabase((db) =>
      db.select().from(people).where(eq(people.email, "oscar@import.test")),
    );
    expect(imported).toMatchObject([{ name: "Oscar Import", role: "manager", active: false }]);
  });

  it("exits 1 on a malformed file and imports nothing", { timeout: 90_000 }, async () => {
    const csv = file("bad.csv");
    await writeFile(csv, "name,email,role,timeZone,team\nZed,zed@import.test,member,Mars/Base,\n");
    const { code, output } = await run(["import-people", csv, "--org", "Northwind Remote"]);
    expect(code).toBe(1);
    expect(output).toContain("line 2: timeZone must be an IANA time zone");
    const none = await withDatabase((db) =>
      db.select().from(people).where(eq(people.email, "zed@import.test")),
    );
    expect(none).toEqual([]);
  });
});

describe("tandem import-docs", () => {
  const file = (name: string) => join(files, name);

  it("adds markdown files as documents titled by their heading, and skips them when run again", {
    timeout: 90_000,
  }, async () => {
    await writeFile(file("on-call.md"), "# On-call handbook\n\nWho carries the pager, and for how long.\n");
    await writeFile(file("Incident review.md"), "Write the timeline first.\n");
    const args = [
      "import-docs",
      file("on-call.md"),
      file("Incident review.md"),
      "--org",
      "Northwind Remote",
      "--team",
      "platform",
      "--tag",
      "ops",
    ];
    const first = await run(args);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Imported into "Northwind Remote": 2 created, 0 skipped.');
    expect(first.output).toMatch(/on-call\.md: created "On-call handbook" \(\/docs\/[0-9a-f-]{36}\)/);
    const [onCall] = await withDatabase((db) =>
      db.select().from(documents).where(eq(documents.title, "On-call handbook")),
    );
    expect(onCall).toMatchObject({
      body: "Who carries the pager, and for how long.",
      tags: ["ops"],
      version: 1,
    });
    expect(onCall?.audienceTeamId).toEqual(expect.any(String));

    const again = await run(args);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("0 created, 2 skipped.");
    expect(again.output).toContain('skipped: a document titled "Incident review" exists');
  });

  it("exits 1 naming a file it cannot read or a team that does not exist, adding nothing", {
    timeout: 90_000,
  }, async () => {
    const missing = await run(["import-docs", file("nowhere.md"), "--org", "Northwind Remote"]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("nowhere.md: no such file");
    await writeFile(file("lonely.md"), "# Lonely\n");
    const noTeam = await run([
      "import-docs",
      file("lonely.md"),
      "--org",
      "Northwind Remote",
      "--team",
      "Nope",
    ]);
    expect(noTeam.code).toBe(1);
    expect(noTeam.output).toContain('No team named "Nope" in this organisation');
    const none = await withDatabase((db) => db.select().from(documents).where(eq(documents.title, "Lonely")));
    expect(none).toEqual([]);
  });
});
