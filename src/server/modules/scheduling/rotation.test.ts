import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { LedgerPersonView, RotationPlanView, RotationView } from "../../../contracts/scheduling";

const DAY = 86_400_000;
/** Monday 7 December 2026, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 11, 7);
const WEEK = 7 * DAY;

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** A London person and a Sydney person (09–17 each: no shared hour in December), in a team of their own. */
async function farApart(o: TestOrg) {
  const london = await o.add("member", { timeZone: "Europe/London" });
  const sydney = await o.add("member", { timeZone: "Australia/Sydney" });
  const { team } = await buildTeam(env, { org: o, name: "Far apart", members: [london, sydney] });
  return { london: london.person.id, sydney: sydney.person.id, teamId: team.id };
}

const rotation = (body: Record<string, unknown>, o = org) =>
  call(env, "POST", "/api/v1/scheduling/rotation", { as: o.member.caller, body });

describe("POST /api/v1/scheduling/rotation", () => {
  it("answers 400, not 500, for a start whose weeks run past the year 9999", async () => {
    const res = await rotation({
      attendees: [{ personId: org.member.person.id }],
      durationMinutes: 30,
      occurrences: 52,
      cadence: "weekly",
      from: "9999-06-01T00:00:00Z",
      save: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^From must be/);
  });

  it("shares out the inconvenience between people with no shared hours, without saving", async () => {
    const { london, sydney } = await farApart(org);
    const res = await rotation({
      attendees: [{ personId: london }, { personId: sydney }],
      durationMinutes: 60,
      occurrences: 4,
      cadence: "weekly",
      from: new Date(MONDAY).toISOString(),
    });
    expect(res.statusCode).toBe(200);
    const plan: RotationPlanView = res.json();
    expect(plan.rotationId).toBeUndefined();
    expect(plan.occurrences).toHaveLength(4);
    plan.occurrences.forEach((o, week) => {
      const start = Date.parse(o.start);
      expect(start).toBeGreaterThanOrEqual(MONDAY + week * WEEK);
      expect(start).toBeLessThan(MONDAY + week * WEEK + DAY);
      expect(Date.parse(o.end) - start).toBe(3_600_000);
      // No shared hour: someone is outside their hours every time.
      expect(o.burden.some((b) => b.kind === "outside")).toBe(true);
    });
    // Both carry some of it, and neither carries everything.
    expect(plan.burdenByPerson[london]).toBeGreaterThan(0);
    expect(plan.burdenByPerson[sydney]).toBeGreaterThan(0);
    const saved = await call(env, "GET", "/api/v1/scheduling/rotations", { as: org.member.caller });
    expect((saved.json().rotations as RotationView[]).some((r) => r.attendeeIds.includes(london))).toBe(
      false,
    );
  });

  it("saves the rotation with its ledger rows; the ledger and the list reflect them", async () => {
    const o = await makeOrg(env);
    const { london, sydney, teamId } = await farApart(o);
    const bystander = (await o.add("member")).person.id;
    const body = {
      name: "Cross-zone sync",
      attendees: [{ personId: london }, { personId: sydney }],
      durationMinutes: 45,
      occurrences: 5,
      cadence: "weekly",
      from: new Date(MONDAY).toISOString(),
      save: true,
    };
    const res = await rotation(body, o);
    expect(res.statusCode).toBe(201);
    const plan: RotationPlanView = res.json();
    expect(plan.rotationId).toMatch(/^[0-9a-f-]{36}$/);

    const ledger = await call(env, "GET", `/api/v1/scheduling/ledger?teamId=${teamId}`, {
      as: o.member.caller,
    });
    expect(ledger.statusCode).toBe(200);
    const rows: LedgerPersonView[] = ledger.json().ledger.people;
    expect(rows.map((r) => r.personId).sort()).toEqual([london, sydney].sort());
    for (const row of rows) {
      expect(row.points).toBe(plan.burdenByPerson[row.personId]);
      expect(row.recentPoints).toBe(row.points); // all scheduled ahead: they count as burden now
      const kinds = plan.occurrences.flatMap((occ) => occ.burden.filter((b) => b.personId === row.personId));
      for (const kind of ["early", "late", "outside"] as const)
        expect(row.counts[kind]).toBe(kinds.filter((b) => b.kind === kind).length);
      expect(row.recent.length).toBe(Math.min(5, kinds.length));
      expect(row.recent.every((e) => e.source === "rotation" && e.sourceId === plan.rotationId)).toBe(true);
      const times = row.recent.map((e) => e.occurredAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    // Without a team: everyone with an entry, so not the bystander.
    const all: LedgerPersonView[] = (
      await call(env, "GET", "/api/v1/scheduling/ledger", { as: o.member.caller })
    ).json().ledger.people;
    expect(all.map((r) => r.personId)).not.toContain(bystander);
    expect(all).toHaveLength(2);

    const list = await call(env, "GET", "/api/v1/scheduling/rotations", { as: o.hr.caller });
    const [saved] = list.json().rotations as RotationView[];
    expect(saved).toMatchObject({
      id: plan.rotationId,
      name: "Cross-zone sync",
      durationMinutes: 45,
      cadence: "weekly",
      createdBy: o.member.person.id,
    });
    expect(saved?.attendeeIds.sort()).toEqual([london, sydney].sort());
    expect(saved?.occurrences).toEqual(plan.occurrences.map(({ start, end }) => ({ start, end })));

    // Every time costs someone 3 points, so five weeks cannot be even; the ledger then steers the next
    // plan: the one who already carries more is spared.
    const [londonPoints = 0, sydneyPoints = 0] = [plan.burdenByPerson[london], plan.burdenByPerson[sydney]];
    expect(londonPoints).not.toBe(sydneyPoints);
    const [heavier, lighter] = londonPoints > sydneyPoints ? [london, sydney] : [sydney, london];
    const next = new Date(MONDAY + 5 * WEEK).toISOString();
    const again: RotationPlanView = (
      await rotation({ ...body, save: false, occurrences: 1, from: next }, o)
    ).json();
    expect(again.burdenByPerson[heavier]).toBe(0);
    expect(again.burdenByPerson[lighter]).toBeGreaterThan(0);
  });

  it("answers 400 naming the field and 404 for another organisation's person or team", async () => {
    const { london } = await farApart(org);
    const good = {
      attendees: [{ personId: london }],
      durationMinutes: 30,
      occurrences: 2,
      cadence: "weekly",
      from: new Date(MONDAY).toISOString(),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ durationMinutes: 0 }, "durationMinutes"],
      [{ occurrences: 0 }, "occurrences"],
      [{ occurrences: 53 }, "occurrences"],
      [{ cadence: "daily" }, "cadence"],
      [{ attendees: [] }, "attendees"],
      [{ from: "tomorrow" }, "from"],
    ];
    for (const [change, field] of cases) {
      const res = await rotation({ ...good, ...change });
      expect({ change, status: res.statusCode }).toEqual({ change, status: 400 });
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const foreign = await makeOrg(env);
    const stranger = await rotation({ ...good, attendees: [{ personId: foreign.member.person.id }] });
    expect(stranger.statusCode).toBe(404);
    const { teamId } = await farApart(foreign);
    const ledger = await call(env, "GET", `/api/v1/scheduling/ledger?teamId=${teamId}`, {
      as: org.member.caller,
    });
    expect(ledger.statusCode).toBe(404);
  });
});

describe("saved rotations in the calendar feed", () => {
  it("appear as one-off events in each attendee's feed", async () => {
    const o = await makeOrg(env);
    const { london, sydney } = await farApart(o);
    const saved = await call(env, "POST", "/api/v1/scheduling/rotation", {
      as: o.admin.caller,
      body: {
        attendees: [{ personId: london }, { personId: sydney }, { personId: o.member.person.id }],
        durationMinutes: 30,
        occurrences: 3,
        cadence: "weekly",
        from: new Date(MONDAY).toISOString(),
        save: true,
      },
    });
    expect(saved.statusCode).toBe(201);
    const plan: RotationPlanView = saved.json();
    const url: string = (await call(env, "POST", "/api/v1/me/calendar-feed", { as: o.member.caller })).json()
      .url;
    const feed = await call(env, "GET", new URL(url).pathname);
    expect(feed.statusCode).toBe(200);
    const starts = [...feed.body.matchAll(/SUMMARY:.*\(rotation\)/g)];
    expect(starts).toHaveLength(3);
    const first = plan.occurrences[0]?.start ?? "";
    expect(feed.body).toContain(`DTSTART:${first.replace(/[-:]|\.\d{3}/g, "")}`);
  });
});

describe("DELETE /api/v1/scheduling/rotations/:id", () => {
  it("removes the rotation, its feed events and its ledger entries", async () => {
    const o = await makeOrg(env);
    const { london, sydney } = await farApart(o);
    const body = {
      attendees: [{ personId: london }, { personId: sydney }],
      durationMinutes: 30,
      occurrences: 2,
      cadence: "weekly",
      from: new Date(MONDAY).toISOString(),
      save: true,
    };
    const saved = await call(env, "POST", "/api/v1/scheduling/rotation", { as: o.member.caller, body });
    const points = async () =>
      (
        (await call(env, "GET", "/api/v1/scheduling/ledger", { as: o.member.caller })).json().ledger
          .people as LedgerPersonView[]
      )
        .map((p) => p.points)
        .reduce((a, b) => a + b, 0);
    expect(await points()).toBeGreaterThan(0);
    const other = await o.add("member");
    expect(
      (
        await call(env, "DELETE", `/api/v1/scheduling/rotations/${saved.json().rotationId}`, {
          as: other.caller,
        })
      ).statusCode,
    ).toBe(403);
    const res = await call(env, "DELETE", `/api/v1/scheduling/rotations/${saved.json().rotationId}`, {
      as: o.member.caller,
    });
    expect(res.statusCode).toBe(204);
    expect(await points()).toBe(0);
    const list = (await call(env, "GET", "/api/v1/scheduling/rotations", { as: o.member.caller })).json()
      .rotations;
    expect(list).toEqual([]);
    expect(
      (
        await call(env, "DELETE", `/api/v1/scheduling/rotations/${saved.json().rotationId}`, {
          as: o.admin.caller,
        })
      ).statusCode,
    ).toBe(404);
  });
});
