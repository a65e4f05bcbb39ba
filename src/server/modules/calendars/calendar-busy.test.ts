import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFocusBlocks } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { people } from "../people/people.table";
import { replaceBusy } from "./calendars.repo";
import { busyIntervals, calendars } from "./calendars.table";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const HOUR = 3_600_000;
const FROM = Date.parse("2026-03-02T00:00:00Z");
const TO = FROM + 7 * 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

async function calendarWith(personId: string, name: string, busy: { start: number; end: number }[]) {
  const [row] = await env.deps.db
    .insert(calendars)
    .values({ organisationId: org.organisation.id, personId, name, kind: "file" })
    .returning();
  if (!row) throw new Error("no calendar");
  await replaceBusy(env.deps.db, row, busy, busy.length);
  return row;
}

describe("GET /people/:id/calendar-busy", () => {
  it("gives the person their busy time by calendar, clipped to the window, and their focus blocks", async () => {
    const { person, caller } = await org.add("member", { timeZone: "Europe/London" });
    await calendarWith(person.id, "Work", [
      { start: FROM - HOUR, end: FROM + HOUR },
      { start: FROM + 34 * HOUR, end: FROM + 35 * HOUR },
      { start: TO + HOUR, end: TO + 2 * HOUR },
    ]);
    await calendarWith(person.id, "Home", [{ start: FROM + 10 * HOUR, end: FROM + 11 * HOUR }]);
    await buildFocusBlocks(env, {
      org,
      person: { person, caller },
      week: { tue: [{ start: "09:00", end: "11:00" }] },
    });
    const url = `/api/v1/people/${person.id}/calendar-busy?from=${iso(FROM)}&to=${iso(TO)}`;
    const res = await call(env, "GET", url, { as: caller });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      busy: [
        { calendar: "Work", start: iso(FROM), end: iso(FROM + HOUR) },
        { calendar: "Home", start: iso(FROM + 10 * HOUR), end: iso(FROM + 11 * HOUR) },
        { calendar: "Work", start: iso(FROM + 34 * HOUR), end: iso(FROM + 35 * HOUR) },
      ],
      focus: [{ start: "2026-03-03T09:00:00.000Z", end: "2026-03-03T11:00:00.000Z" }],
    });
    expect((await call(env, "GET", url, { as: org.admin.caller })).statusCode).toBe(200);
    expect((await call(env, "GET", url, { as: org.manager.caller })).statusCode).toBe(403);
  });

  it("refuses a window that ends before it starts, naming the field in words", async () => {
    const url = `/api/v1/people/${org.member.person.id}/calendar-busy?from=${iso(TO)}&to=${iso(FROM)}`;
    const res = await call(env, "GET", url, { as: org.member.caller });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("To must be after from");
    expect(res.json().error.details.fields[0].path).toBe("to");
    const missing = await call(
      env,
      "GET",
      `/api/v1/people/${org.member.person.id}/calendar-busy?from=${iso(FROM)}`,
      {
        as: org.member.caller,
      },
    );
    expect(missing.json().error).toMatchObject({
      code: "validation_failed",
      message: "To must be an ISO 8601 instant with offset",
    });
    const base = `/api/v1/people/${org.member.person.id}/calendar-busy?from=${iso(FROM)}&to=${iso(TO)}`;
    const unknown = await call(env, "GET", `${base}&x=1`, { as: org.member.caller });
    expect(unknown.json().error).toMatchObject({
      message: 'Unknown field "x"; remove it',
      details: { fields: [{ path: "x" }] },
    });
    const notAnId = await call(env, "GET", base.replace(org.member.person.id, "not-an-id"), {
      as: org.member.caller,
    });
    expect(notAnId.json().error).toMatchObject({
      message: "Id must be an id (UUID)",
      details: { fields: [{ path: "id" }] },
    });
  });
});

describe("busy time and its calendar", () => {
  const hour = [{ start: FROM, end: FROM + HOUR }];
  const rowsOf = async (ids: string[]) =>
    (
      await env.deps.db
        .select({ calendarId: busyIntervals.calendarId })
        .from(busyIntervals)
        .where(inArray(busyIntervals.calendarId, ids))
    ).map((r) => r.calendarId);

  it("goes with its calendar, whether deleted by its owner or with the person", async () => {
    const { person, caller } = await org.add("member");
    const other = await org.add("member");
    const kept = await calendarWith(other.person.id, "Kept", hour);
    const deleted = await calendarWith(person.id, "Deleted", hour);
    const withPerson = await calendarWith(person.id, "With the person", hour);
    const all = [kept.id, deleted.id, withPerson.id];
    expect((await rowsOf(all)).sort()).toEqual([...all].sort());

    const res = await call(env, "DELETE", `/api/v1/people/${person.id}/calendars/${deleted.id}`, {
      as: caller,
    });
    expect(res.statusCode).toBe(204);
    expect((await rowsOf(all)).sort()).toEqual([kept.id, withPerson.id].sort());

    await env.deps.db
      .delete(people)
      .where(and(eq(people.organisationId, org.organisation.id), eq(people.id, person.id)));
    expect(await rowsOf(all)).toEqual([kept.id]);
  });

  it("is not written for a calendar deleted meanwhile: nothing is left without its calendar", async () => {
    const row = await calendarWith(org.member.person.id, "Gone", hour);
    await env.deps.db.delete(calendars).where(eq(calendars.id, row.id));
    await expect(replaceBusy(env.deps.db, row, hour, 1)).rejects.toMatchObject({ code: "not_found" });
    expect(await rowsOf([row.id])).toEqual([]);
  });

  /**
   * Concurrent transactions (PostgreSQL runs them at once; PGlite, one after the other): whichever
   * commits first, no busy time outlives its calendar. The one that commits second is held open
   * while the other starts, so on PostgreSQL the other waits on the calendar row's lock.
   */
  const held = () => new Promise((resolve) => setTimeout(resolve, 150));
  const week = Array.from({ length: 200 }, (_, i) => ({
    start: FROM + i * HOUR,
    end: FROM + i * HOUR + 1800_000,
  }));

  it("a deletion that waits for a re-import removes what it wrote", async () => {
    const row = await calendarWith(org.member.person.id, "Raced by a deletion", hour);
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const reimport = env.deps.db.transaction(async (tx) => {
      await replaceBusy(tx, row, week, week.length);
      written();
      await held();
    });
    await wrote;
    const deletion = env.deps.db.delete(calendars).where(eq(calendars.id, row.id));
    await Promise.all([reimport, deletion]);
    expect(await rowsOf([row.id])).toEqual([]);
  });

  it("a re-import that waits for a deletion writes nothing", async () => {
    const row = await calendarWith(org.member.person.id, "Deleted while re-imported", hour);
    let deleted!: () => void;
    const gone = new Promise<void>((resolve) => {
      deleted = resolve;
    });
    const deletion = env.deps.db.transaction(async (tx) => {
      await tx.delete(calendars).where(eq(calendars.id, row.id));
      deleted();
      await held();
    });
    await gone;
    const reimport = env.deps.db.transaction((tx) => replaceBusy(tx, row, week, week.length));
    await expect(reimport).rejects.toMatchObject({ code: "not_found" });
    await deletion;
    expect(await rowsOf([row.id])).toEqual([]);
  });
});
