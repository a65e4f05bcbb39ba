import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { buildAbsence, buildCalendar, buildInsightWeeks, buildTeam } from "../../../../test/support/build";
import { actorOf, makeOrg } from "../../../../test/support/factories";
import { call, closeOpenEnvs, freshEnv } from "../../../../test/support/harness";
import { FORMER_MEMBER } from "../../../contracts/erasure";
import { auditLog } from "../audit/audit.table";
import { sessions } from "../auth/auth.table";
import { insightWeeks } from "../insights/insights.table";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { carryOutErasure } from "./erasure.carry-out";
import { advance, auditActions, DAY, ownedCounts, personWithData } from "./erasure.fixtures";
import { carryOutErasuresJob } from "./erasure.jobs";
import { requestPersonErasure } from "./erasure.service";
import { erasures } from "./erasure.table";

/**
 * A person's erasure carried out: the grace period and its cancelling, the job once due (what goes,
 * what stays as a former member, what of others' is untouched), and a failure midway undone.
 * Who may ask is in erasure.permissions.test.ts; the organisation's deletion in erasure.organisation.test.ts.
 */

const CHANGED = ["erasures:keep", "document_versions:keep"];
/** Written by the insights recompute job in the background (sent by meetings, calendars…): compared by week. */
const ASYNC = "insight_weeks:delete";
const settled = ({ [ASYNC]: _, ...counts }: Record<string, number>) => counts;
afterEach(() => closeOpenEnvs());

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
