import { beforeAll, describe, expect, it } from "vitest";
import { buildFocusBlocks } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { readCalendar } from "../../../core/calendar";
import { focusOf } from "./index";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const WEEK = {
  thu: [
    { start: "14:00", end: "16:00" },
    { start: "08:00", end: "09:00" },
  ],
  mon: [{ start: "09:00", end: "11:30" }],
};

describe("focus blocks", () => {
  it("are set by the person (sorted), read by anyone in the organisation", async () => {
    const { person, caller } = await org.add("member", { timeZone: "America/New_York" });
    const url = `/api/v1/people/${person.id}/focus-blocks`;
    const put = await call(env, "PUT", url, { as: caller, body: { week: WEEK } });
    expect(put.statusCode).toBe(200);
    const expected = {
      timeZone: "America/New_York",
      week: { mon: WEEK.mon, thu: [WEEK.thu[1], WEEK.thu[0]] },
    };
    expect(put.json().focusBlocks).toMatchObject(expected);
    const got = await call(env, "GET", url, { as: org.member.caller });
    expect(got.json().focusBlocks).toMatchObject(expected);
  });

  it("refuses overlapping blocks, naming them", async () => {
    const res = await call(env, "PUT", `/api/v1/people/${org.member.person.id}/focus-blocks`, {
      as: org.member.caller,
      body: {
        week: {
          fri: [
            { start: "09:00", end: "12:00" },
            { start: "11:00", end: "13:00" },
          ],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("Friday, second interval overlaps the first interval");
    expect(res.json().error.details.fields[0].path).toBe("week.fri[1]");
  });

  it("focusOf: weekly blocks on each person's wall clock, empty for someone without any", async () => {
    const kolkata = await org.add("member", { timeZone: "Asia/Kolkata" });
    await buildFocusBlocks(env, { org, person: kolkata, week: WEEK });
    const { person } = kolkata;
    const monday = Date.parse("2026-12-07T00:00:00Z");
    const focus = await focusOf(env.deps.db, org.organisation.id, [person.id, org.hr.person.id], {
      start: monday,
      end: monday + 86_400_000,
    });
    expect(focus.get(person.id)).toEqual([
      { start: Date.parse("2026-12-07T03:30:00Z"), end: Date.parse("2026-12-07T06:00:00Z") },
    ]);
    expect(focus.get(org.hr.person.id)).toEqual([]);
  });
});

describe("calendar feed", () => {
  const pathOf = (url: string) => new URL(url).pathname;

  it("is created on first call and shown again after; it publishes the focus blocks in the person's zone", async () => {
    const chatham = await org.add("member", { timeZone: "Pacific/Chatham" });
    await buildFocusBlocks(env, { org, person: chatham, week: WEEK });
    const { person, caller } = chatham;
    const first = await call(env, "POST", "/api/v1/me/calendar-feed", { as: caller });
    expect(first.statusCode).toBe(200);
    const { url, createdAt } = first.json();
    expect(url).toMatch(/^http:\/\/tandem\.test\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await call(env, "POST", "/api/v1/me/calendar-feed", { as: caller })).json()).toEqual({
      url,
      createdAt,
    });

    const feed = await call(env, "GET", pathOf(url));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.body).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO");
    expect(feed.body).toContain("DTSTART;TZID=Pacific/Chatham:");
    expect(feed.body).toContain("TZID:Pacific/Chatham");

    // Read back with our own importer, the feed is exactly the focus time.
    const now = Date.now();
    const window = { start: now, end: now + 28 * 86_400_000 };
    const read = readCalendar(feed.body, { ownerZone: "UTC", now, pastDays: 0, futureDays: 28 });
    const focus = await focusOf(env.deps.db, org.organisation.id, [person.id], window);
    expect(read.busy).toEqual(focus.get(person.id));
    expect(read.busy.length).toBeGreaterThanOrEqual(8);
  });

  it("rotating revokes the old address and issues a new one; unknown secrets are 404", async () => {
    const { caller } = await org.add("member");
    const old = (await call(env, "POST", "/api/v1/me/calendar-feed", { as: caller })).json().url;
    const rotated = await call(env, "POST", "/api/v1/me/calendar-feed/rotate", { as: caller });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().url;
    expect(fresh).not.toBe(old);
    expect((await call(env, "GET", pathOf(old))).statusCode).toBe(404);
    expect((await call(env, "GET", pathOf(fresh))).statusCode).toBe(200);
    expect((await call(env, "GET", `/feeds/${"A".repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await call(env, "GET", "/feeds/short.ics")).json().error.code).toBe("not_found");
  });
});
