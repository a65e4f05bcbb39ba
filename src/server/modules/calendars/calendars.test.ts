import { beforeAll, describe, expect, it } from "vitest";
import { actorOf, makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { addAbsence } from "../people";
import { at, busyUrl, DAY, ics, iso, MONDAY, stamp, WORK_ICS } from "./calendars.fixtures";
import { busyOf } from "./index";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

describe("calendar files", () => {
  it("imports a file: busy time is sorted, merged with absences, free/busy only, visible to the org", async () => {
    const { person, caller } = await org.add("member");
    const created = await call(env, "POST", `/api/v1/people/${person.id}/calendars`, {
      as: caller,
      body: { name: "Work", ics: WORK_ICS },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().calendar).toMatchObject({ name: "Work", kind: "file", eventCount: 4 });
    expect(Date.parse(created.json().calendar.lastSyncedAt)).toBeGreaterThan(Date.now() - 60_000);
    await addAbsence(env.deps, actorOf(org.admin), person.id, { start: iso(at(2, 12)), end: iso(at(2, 14)) });

    const busy = await call(env, "GET", busyUrl(person.id), { as: org.manager.caller });
    expect(busy.statusCode).toBe(200);
    expect(busy.json()).toEqual({
      busy: [
        { start: iso(at(0, 9)), end: iso(at(0, 10)) },
        { start: iso(at(1, 10)), end: iso(at(1, 11)) },
        { start: iso(at(2, 12)), end: iso(at(2, 15)) },
        { start: iso(at(7, 9)), end: iso(at(7, 10)) },
      ],
    });
    expect(busy.body).not.toContain("Secret");
    const list = await call(env, "GET", `/api/v1/people/${person.id}/calendars`, { as: org.admin.caller });
    expect(list.json().calendars).toEqual([created.json().calendar]);
  });

  it("replaces a file's busy time in one go; deleting removes it", async () => {
    const { person, caller } = await org.add("member");
    const base = `/api/v1/people/${person.id}/calendars`;
    const { calendar } = (
      await call(env, "POST", base, { as: caller, body: { name: "Work", ics: WORK_ICS } })
    ).json();
    const replaced = await call(env, "PUT", `${base}/${calendar.id}`, {
      as: org.admin.caller,
      body: { ics: ics([at(3, 8), at(3, 9)]) },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().calendar).toMatchObject({ id: calendar.id, eventCount: 1 });
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toEqual([
      { start: iso(at(3, 8)), end: iso(at(3, 9)) },
    ]);
    expect((await call(env, "DELETE", `${base}/${calendar.id}`, { as: caller })).statusCode).toBe(204);
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toEqual([]);
    expect((await call(env, "DELETE", `${base}/${calendar.id}`, { as: caller })).statusCode).toBe(404);
  });

  it("refuses a malformed file with 400 naming the line, and stores nothing", async () => {
    const { person, caller } = await org.add("member");
    const base = `/api/v1/people/${person.id}/calendars`;
    const bad = WORK_ICS.replace(stamp(at(1, 10)), "20261345T250000Z");
    const res = await call(env, "POST", base, { as: caller, body: { name: "Bad", ics: bad } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "invalid_ics",
      message: 'Line 13: DTSTART "20261345T250000Z" is not a date',
      details: { line: 13 },
    });
    const cut = await call(env, "POST", base, {
      as: caller,
      body: { name: "Cut", ics: WORK_ICS.slice(0, -16) },
    });
    expect(cut.json().error).toMatchObject({ code: "invalid_ics" });
    expect(cut.json().error.message).toContain("missing END:VCALENDAR");
    expect((await call(env, "GET", base, { as: caller })).json().calendars).toEqual([]);

    const { calendar } = (
      await call(env, "POST", base, { as: caller, body: { name: "Ok", ics: WORK_ICS } })
    ).json();
    const replace = await call(env, "PUT", `${base}/${calendar.id}`, { as: caller, body: { ics: bad } });
    expect(replace.statusCode).toBe(400);
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toHaveLength(4);
  });

  it("answers 413 ics_too_large above ICS_MAX_BYTES, and stores nothing", async () => {
    const small = await testEnv({ ICS_MAX_BYTES: "2048" });
    const smallOrg = await makeOrg(small);
    const base = `/api/v1/people/${smallOrg.member.person.id}/calendars`;
    const big = ics(...Array.from({ length: 30 }, (_, n): [number, number] => [at(n, 9), at(n, 10)]));
    const res = await call(small, "POST", base, {
      as: smallOrg.member.caller,
      body: { name: "Big", ics: big },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "ics_too_large", details: { maxBytes: 2048 } });
    expect((await call(small, "GET", base, { as: smallOrg.member.caller })).json().calendars).toEqual([]);
  });

  it("checks the busy window: at most 62 days, end after start", async () => {
    const { person } = org.member;
    const long = await call(env, "GET", busyUrl(person.id, MONDAY, MONDAY + 63 * DAY), {
      as: org.member.caller,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("62 days");
    const backwards = await call(env, "GET", busyUrl(person.id, MONDAY, MONDAY - DAY), {
      as: org.member.caller,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("answers 400, not 500, for a busy window the database cannot hold (year 0)", async () => {
    const res = await call(
      env,
      "GET",
      `/api/v1/people/${org.member.person.id}/busy?from=0000-01-01T00:00:00Z&to=0000-01-31T00:00:00Z`,
      { as: org.member.caller },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("busyOf: several people at once, clipped to the window, empty for someone with nothing", async () => {
    const a = await org.add("member");
    const b = await org.add("member");
    await call(env, "POST", `/api/v1/people/${a.person.id}/calendars`, {
      as: a.caller,
      body: { name: "A", ics: ics([at(0, 8), at(0, 12)]) },
    });
    const window = { start: at(0, 10), end: at(1, 0) };
    const busy = await busyOf(env.deps.db, org.organisation.id, [a.person.id, b.person.id], window);
    expect(busy.get(a.person.id)).toEqual([{ start: at(0, 10), end: at(0, 12) }]);
    expect(busy.get(b.person.id)).toEqual([]);
    const foreign = await busyOf(env.deps.db, "00000000-0000-4000-8000-000000000000", [a.person.id], window);
    expect(foreign.get(a.person.id)).toEqual([]);
  });
});

describe("an event that cannot be read in full", () => {
  it("is named in the upload's answer, and the rest of the calendar imports", async () => {
    const { person, caller } = await org.add("member");
    const file = ics(
      [at(0, 9), at(0, 10)],
      [at(1, 9), at(1, 10), "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"],
    );
    const created = await call(env, "POST", `/api/v1/people/${person.id}/calendars`, {
      as: caller,
      body: { name: "Work", ics: file },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().calendar.problems).toEqual([
      { line: 10, message: expect.stringMatching(/Event 'Secret project 1'.*never matches/) },
    ]);
    const busy = await call(env, "GET", busyUrl(person.id), { as: caller });
    expect(busy.json().busy).toContainEqual({ start: iso(at(0, 9)), end: iso(at(0, 10)) });
    const listed = await call(env, "GET", `/api/v1/people/${person.id}/calendars`, { as: caller });
    expect(listed.json().calendars[0]).not.toHaveProperty("problems");
  });
});
