import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam, buildUpdate } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { CreateUpdateBody } from "../../../contracts/updates";
import type { Clock } from "../../platform/clock";
import { updateResponders, updates } from "./updates.table";

/** Tuesday 8 December 2026, 10:00 UTC (10:00 in London, where everyone here works 09–17). */
const TUESDAY_10 = Date.parse("2026-12-08T10:00:00Z");
const HOUR = 3_600_000;

let env: TestEnv;
let realClock: Clock;
beforeAll(async () => {
  env = await testEnv();
  realClock = env.deps.clock;
});
afterAll(() => {
  env.deps.clock = realClock;
});
const setClock = (ms: number) => {
  env.deps.clock = { now: () => new Date(ms) };
};

type Summary = { id: string; title: string; needsMyReply: boolean; overdue: boolean };
const feed = async (as: TestPerson, query = "") => {
  const res = await call(env, "GET", `/api/v1/updates${query}`, { as: as.caller });
  expect(res.statusCode).toBe(200);
  return res.json() as { updates: Summary[]; nextCursor: string | null };
};
const titles = async (as: TestPerson, query = "") => (await feed(as, query)).updates.map((u) => u.title);
const post = (o: TestOrg, given: Partial<CreateUpdateBody> & { responders?: TestPerson[] }) =>
  buildUpdate(env, { org: o, author: o.member, ...given }).then((b) => b.update);

/** Every page of the feed, following nextCursor. */
async function allPages(as: TestPerson, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await feed(as, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    pages.push(page.updates.map((u) => u.title));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
}

describe("GET /api/v1/updates: pages", () => {
  it("answers newest first in pages, each update once", async () => {
    const o = await makeOrg(env);
    for (let i = 1; i <= 5; i++) {
      setClock(TUESDAY_10 + i * 60_000);
      await post(o, { title: `U${i}` });
    }
    expect(await allPages(o.manager, 2)).toEqual([["U5", "U4"], ["U3", "U2"], ["U1"]]);
  });

  it("pages through updates posted at the same instant without repeating or skipping one", async () => {
    const o = await makeOrg(env);
    setClock(TUESDAY_10);
    for (let i = 1; i <= 5; i++) await post(o, { title: `Same ${i}` });
    const pages = await allPages(o.manager, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(5);
  });

  it("refuses a cursor it did not give", async () => {
    const o = await makeOrg(env);
    for (const cursor of ["nonsense", Buffer.from('{"t":"x","id":"y"}').toString("base64url")]) {
      const res = await call(env, "GET", `/api/v1/updates?cursor=${cursor}`, { as: o.member.caller });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe("Cursor is not one this feed gave");
    }
  });
});

describe("GET /api/v1/updates: filters", () => {
  it("by kind", async () => {
    const o = await makeOrg(env);
    setClock(TUESDAY_10);
    await post(o, { title: "A status" });
    await post(o, { title: "A question", kind: "question" });
    expect(await titles(o.manager, "?kind=question")).toEqual(["A question"]);
  });

  it("needs my reply: open updates where I am a required responder who has not answered", async () => {
    const o = await makeOrg(env);
    setClock(TUESDAY_10);
    await post(o, { title: "Asked", responders: [o.manager] });
    await post(o, { title: "Not asked" });
    const answered = await post(o, { title: "Answered", responders: [o.manager] });
    const closed = await post(o, { title: "Closed", responders: [o.manager] });
    await env.deps.db
      .update(updateResponders)
      .set({ answeredAt: new Date(TUESDAY_10) })
      .where(eq(updateResponders.updateId, answered.id));
    await env.deps.db
      .update(updates)
      .set({ closedAt: new Date(TUESDAY_10) })
      .where(eq(updates.id, closed.id));
    const { updates: mine } = await feed(o.manager, "?needsMyReply=true");
    expect(mine.map((u) => [u.title, u.needsMyReply])).toEqual([["Asked", true]]);
    expect(await titles(o.hr, "?needsMyReply=true")).toEqual([]);
  });

  it("overdue: for the late responder and the author, once the clock passes the reply-by", async () => {
    const o = await makeOrg(env);
    setClock(TUESDAY_10);
    const update = await post(o, { title: "Late", responders: [o.manager] });
    expect(update.replyBy).toBe("2026-12-09T10:00:00.000Z"); // 8 London working hours
    expect(await titles(o.manager, "?overdue=true")).toEqual([]);
    setClock(TUESDAY_10 + 48 * HOUR);
    expect(await titles(o.manager, "?overdue=true")).toEqual(["Late"]);
    expect(await titles(o.member, "?overdue=true")).toEqual(["Late"]);
    expect(await titles(o.hr, "?overdue=true")).toEqual([]);
    expect((await feed(o.member)).updates[0]?.overdue).toBe(true);
    await env.deps.db
      .update(updateResponders)
      .set({ answeredAt: new Date(TUESDAY_10 + 47 * HOUR) })
      .where(eq(updateResponders.updateId, update.id));
    expect(await titles(o.member, "?overdue=true")).toEqual([]);
  });

  it("a team's feed: its updates only, still only what the viewer may see; the team is required", async () => {
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, members: [o.manager, o.member] });
    setClock(TUESDAY_10);
    await post(o, { title: "To the team", audience: { teamId: team.id } });
    await post(o, { title: "To everyone" });
    expect(await titles(o.manager, `?feed=team&teamId=${team.id}`)).toEqual(["To the team"]);
    expect(await titles(o.hr, `?feed=team&teamId=${team.id}`)).toEqual([]);
    expect(await titles(o.hr)).toEqual(["To everyone"]);
    const res = await call(env, "GET", "/api/v1/updates?feed=team", { as: o.manager.caller });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Team is needed for a team feed/);
  });
});
