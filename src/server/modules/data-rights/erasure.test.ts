import { and, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildAbsence,
  buildApiToken,
  buildCalendar,
  buildDocument,
  buildFocusBlocks,
  buildInsightWeeks,
  buildMeeting,
  buildRecording,
  buildTeam,
  buildUpdate,
} from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, closeOpenEnvs, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { FORMER_MEMBER } from "../../../contracts/erasure";
import { auditLog } from "../audit/audit.table";
import { sessions } from "../auth/auth.table";
import { insightWeeks } from "../insights/insights.table";
import { meetingPrivateNotes } from "../meetings/meetings.table";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { carryOutErasure } from "./erasure.carry-out";
import { carryOutErasuresJob } from "./erasure.jobs";
import { requestPersonErasure } from "./erasure.service";
import { erasures } from "./erasure.table";
import { PERSONAL_DATA } from "./registry";

const DAY = 86_400_000;
const CHANGED = ["erasures:keep", "document_versions:keep"];
/** Written by the insights recompute job in the background (sent by meetings, calendars…): compared by week. */
const ASYNC = "insight_weeks:delete";
const settled = ({ [ASYNC]: _, ...counts }: Record<string, number>) => counts;
afterEach(() => closeOpenEnvs());

/** Moves the env's clock `days` ahead of now. */
const advance = (env: TestEnv, days: number) => {
  const at = Date.now() + days * DAY;
  env.deps.clock = { now: () => new Date(at) };
};

/** For each registry table: how many rows are the person's (by the columns erasure goes by). */
async function ownedCounts(env: TestEnv, organisationId: string, personId: string, email: string) {
  const counts: Record<string, number> = {};
  for (const entry of PERSONAL_DATA) {
    const matches: SQL[] = [
      ...(entry.ownedBy ?? entry.personColumns).map((c) => eq(c, personId)),
      ...(entry.emailColumns ?? []).map((c) => eq(c, email)),
    ];
    const org = getTableConfig(entry.table).columns.find((c) => c.name === "organisation_id");
    if (!org || matches.length === 0) continue;
    const [row] = await env.deps.db
      .select({ n: count() })
      .from(entry.table)
      .where(
        and(
          eq(org, organisationId),
          or(...matches),
          entry.erase.kind === "delete" ? entry.erase.only : undefined,
        ),
      );
    counts[`${getTableConfig(entry.table).name}:${entry.erase.kind}`] = row?.n ?? 0;
  }
  return counts;
}

/** A person with data in most of the registry's tables, and others' data around it. */
async function personWithData(env: TestEnv, org: TestOrg, person: TestPerson) {
  const other = org.manager;
  await buildCalendar(env, {
    org,
    person,
    busy: [{ start: Date.now() + DAY, end: Date.now() + DAY + 3_600_000 }],
  });
  await buildAbsence(env, { org, person });
  await buildFocusBlocks(env, { org, person });
  await buildApiToken(env, { org, person });
  const team = await buildTeam(env, { org, name: "Both", members: [person, other] });
  const { meeting } = await buildMeeting(env, { org, organiser: person, attendees: [other] });
  await env.deps.db.insert(meetingPrivateNotes).values({
    meetingId: meeting.id,
    personId: person.person.id,
    organisationId: org.organisation.id,
    body: "My private thoughts",
  });
  const shared = await buildUpdate(env, { org, author: person, title: "Shared plan" });
  const { document: privateDoc } = await buildDocument(env, {
    org,
    owner: person,
    readers: [],
    title: "Mine",
  });
  const { document: sharedDoc } = await buildDocument(env, { org, owner: person, title: "Ours" });
  const { recording } = await buildRecording(env, { org, owner: person });
  await buildInsightWeeks(env, { org, personId: person.person.id, weeks: [{ weekStart: "2026-11-02" }] });
  await buildInsightWeeks(env, { org, personId: other.person.id, weeks: [{ weekStart: "2026-11-02" }] });
  return { team, meeting, shared: shared.update, privateDoc, sharedDoc, recording };
}

describe("erasure of a person's data", () => {
  it("is scheduled 30 days ahead and can be cancelled in the grace period; then nothing is erased", async () => {
    const env = await freshEnv();
    const org = await makeOrg(env);
    const res = await call(env, "POST", "/api/v1/me/erasure", { as: org.member.caller, body: {} });
    expect(res.statusCode).toBe(202);
    const { erasure } = res.json();
    expect(Date.parse(erasure.scheduledFor) - Date.now()).toBeGreaterThan(29.9 * DAY);
    const shown = await call(env, "GET", "/api/v1/me/erasure", { as: org.member.caller });
    expect(shown.json().erasure).toMatchObject({ id: erasure.id, status: "scheduled" });
    const again = await call(env, "POST", "/api/v1/me/erasure", { as: org.member.caller, body: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already scheduled for \d{4}-\d{2}-\d{2}/);

    const cancelled = await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.member.caller });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().erasure.status).toBe("cancelled");
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.member.caller })).statusCode,
    ).toBe(409);

    advance(env, 31);
    await carryOutErasuresJob.handle(env.deps, {});
    const [row] = await env.deps.db.select().from(people).where(eq(people.id, org.member.person.id));
    expect(row?.name).toBe(org.member.person.name);
    const actions = await auditActions(env, org.organisation.id);
    expect(actions).toEqual(["erasure.requested", "erasure.cancelled"]);
  }, 180_000);

  it("is carried out by the job once due: personal rows gone, shared ones kept as a former member, others' untouched", async () => {
    const env = await freshEnv();
    const org = await makeOrg(env);
    const person = await org.add("member");
    const { id: personId, email } = person.person;
    const data = await personWithData(env, org, person);
    // Another organisation, and another person of this one, whose data must not change.
    const elsewhere = await makeOrg(env);
    await personWithData(env, elsewhere, elsewhere.member);
    const otherTeam = await buildTeam(env, {
      org,
      name: "Others",
      members: [org.admin, org.hr, org.member, org.owner],
      lead: org.manager,
    });
    for (const p of [org.admin, org.hr, org.member, org.owner, org.manager])
      await buildInsightWeeks(env, {
        org,
        personId: p.person.id,
        weeks: [{ weekStart: "2026-11-09", meetingHours: 7 }],
      });
    const aggregate = () =>
      call(env, "GET", `/api/v1/insights/teams/${otherTeam.team.id}?from=2026-11-02&to=2026-11-15`, {
        as: org.manager.caller,
      });
    const aggregateBefore = (await aggregate()).json();
    const othersBefore = settled(
      await ownedCounts(env, org.organisation.id, org.manager.person.id, org.manager.person.email),
    );
    const elsewhereBefore = settled(
      await ownedCounts(
        env,
        elsewhere.organisation.id,
        elsewhere.member.person.id,
        elsewhere.member.person.email,
      ),
    );
    const before = await ownedCounts(env, org.organisation.id, personId, email);
    for (const table of [
      "sessions",
      "api_tokens",
      "calendars",
      "busy_intervals",
      "absences",
      "focus_blocks",
      "team_members",
      "meeting_private_notes",
      "recordings",
      "insight_weeks",
      "documents",
    ])
      expect(before[`${table}:delete`], table).toBeGreaterThan(0);

    const res = await call(env, "POST", `/api/v1/people/${personId}/erasure`, {
      as: org.hr.caller,
      body: {},
    });
    expect(res.statusCode).toBe(202);
    advance(env, 29);
    await carryOutErasuresJob.handle(env.deps, {});
    expect((await ownedCounts(env, org.organisation.id, personId, email))["sessions:delete"]).toBeGreaterThan(
      0,
    );

    advance(env, 31);
    await carryOutErasuresJob.handle(env.deps, {});
    const after = await ownedCounts(env, org.organisation.id, personId, email);
    for (const [key, n] of Object.entries(after)) {
      if (key.endsWith(":delete") && key !== ASYNC) expect(n, key).toBe(0);
      // Kept, except the erasure's own row (new) and the versions of their private document (gone with it).
      if (key.endsWith(":keep") && !CHANGED.includes(key)) expect(n, key).toBe(before[key]);
    }
    const weeks = await env.deps.db.select().from(insightWeeks).where(eq(insightWeeks.personId, personId));
    expect(weeks.filter((w) => w.weekStart === "2026-11-02")).toEqual([]);
    const otherWeeks = await env.deps.db
      .select({ week: insightWeeks.weekStart, hours: insightWeeks.meetingHours })
      .from(insightWeeks)
      .where(
        and(
          eq(insightWeeks.personId, org.manager.person.id),
          inArray(insightWeeks.weekStart, ["2026-11-02", "2026-11-09"]),
        ),
      );
    expect(otherWeeks.sort((a, b) => a.week.localeCompare(b.week))).toEqual([
      { week: "2026-11-02", hours: 10 },
      { week: "2026-11-09", hours: 7 },
    ]);
    const [row] = await env.deps.db.select().from(people).where(eq(people.id, personId));
    expect(row).toMatchObject({ name: FORMER_MEMBER, passwordHash: null, active: false, role: "member" });
    expect(row?.email).not.toContain("@");
    expect(
      await env.deps.storage.size(`recordings/${org.organisation.id}/${data.recording.id}/video`),
    ).toBeNull();

    // Shared records still work and read "A former member"; the shared document stays, the private one went.
    const update = await call(env, "GET", `/api/v1/updates/${data.shared.id}`, { as: org.manager.caller });
    expect(update.statusCode).toBe(200);
    expect(JSON.stringify(update.json())).toContain(FORMER_MEMBER);
    expect(
      (await call(env, "GET", `/api/v1/documents/${data.sharedDoc.id}`, { as: org.manager.caller }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(env, "GET", `/api/v1/meetings/${data.meeting.id}`, { as: org.manager.caller })).statusCode,
    ).toBe(200);

    // Others' data and the aggregate of a team of others are unchanged.
    expect(
      settled(await ownedCounts(env, org.organisation.id, org.manager.person.id, org.manager.person.email)),
    ).toEqual(othersBefore);
    expect(
      settled(
        await ownedCounts(
          env,
          elsewhere.organisation.id,
          elsewhere.member.person.id,
          elsewhere.member.person.email,
        ),
      ),
    ).toEqual(elsewhereBefore);
    expect((await aggregate()).json()).toEqual(aggregateBefore);
    const members = await env.deps.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.teamId, data.team.team.id));
    expect(members.map((m) => m.personId)).toEqual([org.manager.person.id]);

    // Audited, without the person's content.
    const audits = await env.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, org.organisation.id),
          inArray(auditLog.action, ["erasure.requested", "erasure.carried_out"]),
        ),
      );
    expect(audits.map((a) => a.action).sort()).toEqual(["erasure.carried_out", "erasure.requested"]);
    const written = JSON.stringify(audits);
    for (const secret of [email, person.person.name, "My private thoughts"])
      expect(written).not.toContain(secret);

    // Once is all: the job again changes nothing, and a new request is refused.
    await carryOutErasuresJob.handle(env.deps, {});
    expect(await auditActions(env, org.organisation.id)).toHaveLength(2);
    const twice = await call(env, "POST", `/api/v1/people/${personId}/erasure`, {
      as: org.admin.caller,
      body: { immediate: true },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe("This person's data has already been erased");
  }, 180_000);

  it("lets an admin erase at once; HR may not cut the grace short, a member may not erase someone else", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const person = await org.add("member");
    const url = `/api/v1/people/${person.person.id}/erasure`;
    const hr = await call(env, "POST", url, { as: org.hr.caller, body: { immediate: true } });
    expect(hr.statusCode).toBe(403);
    expect(hr.json().error.message).toBe(
      "Only owners or admins may erase a person's data without the grace period",
    );
    expect((await call(env, "POST", url, { as: org.member.caller, body: {} })).statusCode).toBe(403);
    expect(
      (await call(env, "POST", "/api/v1/me/erasure", { as: org.admin.caller, body: { immediate: true } }))
        .statusCode,
    ).toBe(403);
    // Someone of equal rank is not erased by an admin; an unknown person is not found.
    expect(
      (
        await call(env, "POST", `/api/v1/people/${org.admin.person.id}/erasure`, {
          as: (await org.add("admin")).caller,
          body: {},
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(env, "POST", "/api/v1/people/00000000-0000-4000-8000-000000000000/erasure", {
          as: org.admin.caller,
          body: {},
        })
      ).statusCode,
    ).toBe(404);

    const res = await call(env, "POST", url, { as: org.admin.caller, body: { immediate: true } });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ status: "done", personId: person.person.id });
    const [row] = await env.deps.db.select().from(people).where(eq(people.id, person.person.id));
    expect(row?.name).toBe(FORMER_MEMBER);
    // Their session is gone: they are signed out.
    expect((await call(env, "GET", "/api/v1/me/erasure", { as: person.caller })).statusCode).toBe(401);
  });

  it("carries out a scheduled erasure at once when an admin asks for immediate", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const scheduled = (
      await call(env, "POST", "/api/v1/me/erasure", { as: org.member.caller, body: {} })
    ).json().erasure;
    const res = await call(env, "POST", `/api/v1/people/${org.member.person.id}/erasure`, {
      as: org.admin.caller,
      body: { immediate: true },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ id: scheduled.id, status: "done" });
  });

  it("refuses to erase the organisation's only owner (409), and cancels only for those allowed", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const res = await call(env, "POST", "/api/v1/me/erasure", { as: org.owner.caller, body: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /only owner; make someone else owner before erasing their data$/,
    );

    const { erasure } = (
      await call(env, "POST", `/api/v1/people/${org.member.person.id}/erasure`, {
        as: org.hr.caller,
        body: {},
      })
    ).json();
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.manager.caller })).statusCode,
    ).toBe(403);
    const foreign = await makeOrg(env);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: foreign.admin.caller })).statusCode,
    ).toBe(404);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.hr.caller })).statusCode,
    ).toBe(200);
  });

  it("leaves nothing half-written when carrying out fails midway", async () => {
    // Its own database: the trigger that makes it fail is on `people`.
    const env = await freshEnv();
    const org = await makeOrg(env);
    const person = await org.add("member");
    await buildCalendar(env, { org, person });
    await buildAbsence(env, { org, person });
    const erasure = await requestPersonErasure(env.deps, actorOf(org.hr), person.person.id, {});
    const before = await ownedCounts(env, org.organisation.id, person.person.id, person.person.email);
    // The last step (anonymising the people row) fails, after every delete has run.
    const fn = `erasure_fail_${person.person.id.replace(/-/g, "")}`;
    await env.deps.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
      if new.id = '${person.person.id}' then raise exception 'injected failure'; end if; return new; end $$`),
    );
    await env.deps.db.execute(
      sql.raw(`create trigger ${fn} before update on people for each row execute function ${fn}()`),
    );
    try {
      await expect(carryOutErasure(env.deps, erasure.id, null)).rejects.toThrow();
    } finally {
      await env.deps.db.execute(sql.raw(`drop trigger ${fn} on people`));
      await env.deps.db.execute(sql.raw(`drop function ${fn}()`));
    }
    // (Insight weeks are left out: the calendar's recompute job may write them meanwhile.)
    const after = await ownedCounts(env, org.organisation.id, person.person.id, person.person.email);
    expect(settled(after)).toEqual(settled(before));
    const [row] = await env.deps.db.select().from(erasures).where(eq(erasures.id, erasure.id));
    expect(row?.status).toBe("scheduled");
    expect(
      (await env.deps.db.select().from(sessions).where(eq(sessions.personId, person.person.id))).length,
    ).toBe(1);
  }, 180_000);
});

describe("deletion of an organisation", () => {
  it("is the owner's: after the grace period every row and file of it goes, another organisation's stay", async () => {
    const env = await freshEnv();
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const mine = await personWithData(env, org, org.member);
    await personWithData(env, other, other.member);
    expect(
      (await call(env, "POST", "/api/v1/organisation/erasure", { as: org.admin.caller, body: {} }))
        .statusCode,
    ).toBe(403);
    const res = await call(env, "POST", "/api/v1/organisation/erasure", { as: org.owner.caller, body: {} });
    expect(res.statusCode).toBe(202);
    expect(res.json().erasure).toMatchObject({ kind: "organisation", personId: null, status: "scheduled" });
    // Insight weeks are left out of the other organisation's comparison: the recompute jobs its own
    // set-up queued may still be writing them meanwhile (the worker runs beside the test).
    const withoutRollups = ({ insight_weeks: _, ...rows }: Record<string, number>) => rows;
    const otherBefore = withoutRollups(await organisationRows(env, other.organisation.id));

    advance(env, 31);
    await carryOutErasuresJob.handle(env.deps, {});
    const left = Object.entries(await organisationRows(env, org.organisation.id)).filter(([, n]) => n > 0);
    expect(left).toEqual([]);
    expect(
      await env.deps.storage.size(`recordings/${org.organisation.id}/${mine.recording.id}/video`),
    ).toBeNull();
    expect(withoutRollups(await organisationRows(env, other.organisation.id))).toEqual(otherBefore);
    expect((await call(env, "GET", "/api/v1/me/erasure", { as: org.member.caller })).statusCode).toBe(401);
  }, 180_000);

  it("can be cancelled by an owner during the grace period", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { erasure } = (
      await call(env, "POST", "/api/v1/organisation/erasure", { as: org.owner.caller, body: {} })
    ).json();
    expect(
      (await call(env, "GET", "/api/v1/organisation/erasure", { as: org.owner.caller })).json().erasure.id,
    ).toBe(erasure.id);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.admin.caller })).statusCode,
    ).toBe(403);
    expect(
      (await call(env, "DELETE", `/api/v1/erasures/${erasure.id}`, { as: org.owner.caller })).statusCode,
    ).toBe(200);
    expect(
      (await call(env, "GET", "/api/v1/organisation/erasure", { as: org.owner.caller })).json().erasure,
    ).toBeNull();
  });
});

async function auditActions(env: TestEnv, organisationId: string) {
  const rows = await env.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), sql`${auditLog.action} like 'erasure.%'`))
    .orderBy(auditLog.at);
  return rows.map((r) => r.action);
}

/** Rows per table that carry the organisation's id (every table with `organisation_id`). */
async function organisationRows(env: TestEnv, organisationId: string) {
  const result = await env.deps.db.execute(
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'organisation_id'
        order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of (result as unknown as { rows: { table_name: string }[] }).rows) {
    const n = await env.deps.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where organisation_id = ${organisationId}`,
    );
    counts[table_name] = (n as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  }
  const [org] = await env.deps.db
    .execute(sql`select count(*)::int as n from organisations where id = ${organisationId}`)
    .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
  counts.organisations = org?.n ?? 0;
  return counts;
}
