import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { systemClock } from "../../platform/clock";
import { notificationHelpers, THU_0900, WED_EVENING, WED_NOON } from "./notifications.fixtures";

// The inbox (paging, unread, marking read, privacy), the test notification and the urgent log.

let env: TestEnv;
let now = WED_NOON;
beforeAll(async () => {
  env = await testEnv();
  env.deps.clock = { now: () => new Date(now) };
});
afterAll(() => {
  env.deps.clock = systemClock;
});

const { rowsOf, send, inbox } = notificationHelpers(() => env);

describe("the inbox", () => {
  it("pages newest first, filters unread and by kind, counts unread, and marks read", async () => {
    const org = await makeOrg(env);
    const member = org.member.person;
    for (let i = 0; i < 5; i++) {
      now = WED_NOON + i * 60_000;
      await send(org, [member.id], { subject: `Item ${i}` });
    }
    const first = await inbox(org, "member", "?limit=2");
    expect(first.items.map((i: { subject: string }) => i.subject)).toEqual(["Item 4", "Item 3"]);
    expect(first.unreadCount).toBe(5);
    const second = await inbox(org, "member", `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { subject: string }) => i.subject)).toEqual(["Item 2", "Item 1"]);
    const third = await inbox(org, "member", `?limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ items: [{ subject: "Item 0" }], nextCursor: null });

    const read = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.member.caller,
      body: { ids: [first.items[0].id] },
    });
    expect(read.statusCode).toBe(204);
    const unread = await inbox(org, "member", "?unread=true");
    expect(unread.items).toHaveLength(4);
    expect(unread.unreadCount).toBe(4);
    expect((await inbox(org, "member", "?kind=invitation.accepted")).items).toEqual([]);
    expect((await inbox(org, "member", "?kind=notification.test")).items).toHaveLength(5);

    await call(env, "POST", "/api/v1/inbox/read", { as: org.member.caller, body: { all: true } });
    expect((await inbox(org, "member")).unreadCount).toBe(0);
  });

  it("nobody reads or marks another person's inbox", async () => {
    now = WED_NOON;
    const org = await makeOrg(env);
    const ids = await send(org, [org.member.person.id]);
    const theirs = ids.get(org.member.person.id) ?? "";
    expect((await inbox(org, "manager")).items).toEqual([]);
    const mark = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.manager.caller,
      body: { ids: [theirs] },
    });
    expect(mark.statusCode).toBe(204);
    expect((await rowsOf(org, org.member.person.id))[0]?.readAt).toBeNull();
    const cursor = await call(env, "GET", `/api/v1/inbox?cursor=${theirs}`, { as: org.manager.caller });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.message).toMatch(/cursor/i);
  });

  it("refuses bad input in words", async () => {
    const org = await makeOrg(env);
    const ids = await call(env, "POST", "/api/v1/inbox/read", {
      as: org.member.caller,
      body: { ids: ["nope"] },
    });
    expect(ids.statusCode).toBe(400);
    expect(ids.json().error.message).toMatch(/id|UUID/);
    const kind = await call(env, "GET", "/api/v1/inbox?kind=party", { as: org.member.caller });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain("must be one of");
  });
});

describe("the test notification and the urgent log", () => {
  it("sends the caller a notification through the real path, and logs urgent ones for admins and HR", async () => {
    now = WED_EVENING;
    const org = await makeOrg(env);
    const res = await call(env, "POST", "/api/v1/notifications/test", {
      as: org.member.caller,
      body: { urgent: true },
    });
    expect(res.statusCode).toBe(202);
    expect((await inbox(org, "member")).items).toMatchObject([
      { id: res.json().id, urgent: true, kind: "notification.test" },
    ]);
    now = WED_NOON;
    await send(org, [org.manager.person.id], { urgent: true });
    await send(org, [org.manager.person.id]);

    now = THU_0900;
    const log = await call(env, "GET", "/api/v1/notifications/urgent-log", { as: org.hr.caller });
    expect(log.statusCode).toBe(200);
    expect(log.json().summary).toEqual({ total: 2, outsideHours: 1 });
    // Newest first: the member's own test on Wednesday evening, then the admin's at noon.
    expect(log.json().entries).toMatchObject([
      {
        senderId: org.member.person.id,
        recipientId: org.member.person.id,
        kind: "notification.test",
        outsideHours: true,
      },
      { senderId: org.admin.person.id, recipientId: org.manager.person.id, outsideHours: false },
    ]);
    expect(log.json().weeks).toContainEqual({ weekStart: "2026-12-07", total: 2, outsideHours: 1 });
    expect(log.json().weeks).toHaveLength(13);
    expect(
      (await call(env, "GET", "/api/v1/notifications/urgent-log", { as: org.member.caller })).statusCode,
    ).toBe(403);

    const tooLong = await call(
      env,
      "GET",
      "/api/v1/notifications/urgent-log?from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
      {
        as: org.admin.caller,
      },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain("366 days");
  });
});
