import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, freshEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { notify } from "./notifications.service";
import { notifications } from "./notifications.table";
import { deliverWebhook, sweepWebhooks } from "./webhooks.deliver";
import { queueWebhookEvents } from "./webhooks.service";
import { webhookDeliveries, webhooks } from "./webhooks.table";

/** What the receiver saw: one request each, its signature checked against the secret it was told. */
interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1. `/flaky` answers 500 to the first request of each delivery
 * and 200 after; `/down` always 500; anything else 200.
 */
let server: Server;
let base: string;
const received: Received[] = [];
const seen = new Set<string>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const delivery = String(req.headers["x-tandem-delivery"]);
      const firstTime = !seen.has(delivery);
      seen.add(delivery);
      const fail = path === "/down" || (path === "/flaky" && firstTime);
      res.writeHead(fail ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Whether `X-Tandem-Signature` is the HMAC-SHA256 of "t.body" with `secret`. */
function signedWith(request: Received, secret: string): boolean {
  const header = String(request.headers["x-tandem-signature"]);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${request.body}`).digest("hex");
  return expected === match[2];
}

const requestsFor = (deliveryId: string) =>
  received.filter((r) => r.headers["x-tandem-delivery"] === deliveryId);

describe("webhook deliveries (an instance that allows private addresses, so 127.0.0.1 is reachable)", () => {
  let env: TestEnv;
  let org: TestOrg;
  let now = new Date("2026-06-01T09:00:00Z");
  beforeAll(async () => {
    // A database of its own: on PostgreSQL another test app's worker (without the flag) could take these jobs.
    env = await freshEnv({ TANDEM_ALLOW_PRIVATE_URLS: "true" });
    env.deps.clock = { now: () => now };
    org = await makeOrg(env);
  });
  const at = (iso: string | Date) => {
    now = new Date(iso);
  };

  async function create(path: string, format: "signed" | "slack", as: Caller = org.admin.caller) {
    const res = await call(env, "POST", "/api/v1/webhooks", {
      as,
      body: { url: `${base}${path}`, format, events: ["notification.test", "invitation.accepted"] },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { webhook: { id: string }; secret: string };
  }

  const rowOf = async (deliveryId: string) => {
    const [row] = await env.deps.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.deliveryId, deliveryId));
    if (!row) throw new Error("no such delivery");
    return row;
  };

  /**
   * Waits until the delivery has had `attempts` attempts and nobody holds it: the app's own job
   * worker may take a queued delivery before the test's direct call (the lease lets only one send).
   */
  async function settled(deliveryId: string, attempts: number) {
    for (let tries = 0; tries < 200; tries++) {
      const row = await rowOf(deliveryId);
      if (row.attempts >= attempts && row.sendingUntil === null) return row;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`delivery ${deliveryId} never reached ${attempts} attempts`);
  }

  /** Queues a test event through the API and makes its first attempt now. */
  async function sendTest(webhookId: string): Promise<string> {
    const res = await call(env, "POST", `/api/v1/webhooks/${webhookId}/test`, { as: org.admin.caller });
    expect(res.statusCode).toBe(202);
    const deliveryId: string = res.json().delivery.id;
    const row = await rowOf(deliveryId);
    await deliverWebhook(env.deps, { organisationId: org.organisation.id, deliveryId: row.id });
    await settled(deliveryId, 1);
    return deliveryId;
  }

  it("signs each attempt with the secret from the 201; a 500 is retried 30 s later by the sweep", async () => {
    at("2026-06-01T09:00:00Z");
    const { webhook, secret } = await create("/flaky", "signed");
    expect(secret).toMatch(/^whsec_/);
    const deliveryId = await sendTest(webhook.id);

    const first = await rowOf(deliveryId);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, lastError: "The receiver answered 500" });
    expect(first.nextAttemptAt?.toISOString()).toBe("2026-06-01T09:00:30.000Z");
    const [request] = requestsFor(deliveryId);
    if (!request) throw new Error("the receiver saw nothing");
    expect(signedWith(request, secret)).toBe(true);
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Tandem-Webhooks/1",
      "x-tandem-event": "notification.test",
    });
    expect(request.headers["x-tandem-signature"]).toContain(
      `t=${Date.parse("2026-06-01T09:00:00Z") / 1000},`,
    );
    expect(JSON.parse(request.body)).toEqual({
      id: deliveryId,
      type: "notification.test",
      occurredAt: "2026-06-01T09:00:00.000Z",
      data: {
        subject: "Test notification from Tandem",
        body: "If you can read this, this webhook works.",
        link: "http://tandem.test/settings/notifications",
      },
    });

    at("2026-06-01T09:00:29Z");
    await sweepWebhooks(env.deps);
    expect(requestsFor(deliveryId)).toHaveLength(1);
    at("2026-06-01T09:00:30Z");
    await sweepWebhooks(env.deps);
    const done = await settled(deliveryId, 2);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastError: null, nextAttemptAt: null });
    const attempts = requestsFor(deliveryId);
    expect(attempts).toHaveLength(2);
    expect(attempts.every((r) => signedWith(r, secret))).toBe(true);

    // Delivered is final: neither the job nor the sweep sends it again.
    at("2026-06-02T09:00:00Z");
    await deliverWebhook(env.deps, { organisationId: org.organisation.id, deliveryId: done.id });
    await sweepWebhooks(env.deps);
    expect(requestsFor(deliveryId)).toHaveLength(2);

    const list = await call(env, "GET", `/api/v1/webhooks/${webhook.id}/deliveries`, {
      as: org.admin.caller,
    });
    expect(list.json().deliveries).toEqual([
      {
        id: deliveryId,
        event: "notification.test",
        status: "delivered",
        attempts: 2,
        lastError: null,
        createdAt: "2026-06-01T09:00:00.000Z",
        nextAttemptAt: null,
      },
    ]);
  });

  it("disables a webhook failing for 24 h, fails what it had left and notifies its creator", async () => {
    at("2026-06-03T09:00:00Z");
    const creator = await org.add("admin");
    const { webhook } = await create("/down", "signed", creator.caller);
    const deliveryId = await sendTest(webhook.id);
    const waits: number[] = [];
    for (let attempt = 1; attempt < 30; attempt++) {
      const row = await rowOf(deliveryId);
      if (row.status !== "retrying" || !row.nextAttemptAt) break;
      waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 1000);
      at(row.nextAttemptAt);
      await sweepWebhooks(env.deps);
      await settled(deliveryId, attempt + 1);
    }
    // 30 s, doubling, and the last try at the 24 h mark.
    expect(waits.slice(0, 5)).toEqual([30, 60, 120, 240, 480]);
    expect(now.toISOString()).toBe("2026-06-04T09:00:00.000Z");
    const row = await rowOf(deliveryId);
    expect(row).toMatchObject({
      status: "failed",
      attempts: waits.length + 1,
      lastError: "The receiver answered 500",
    });
    expect(requestsFor(deliveryId)).toHaveLength(waits.length + 1);

    const list = (await call(env, "GET", "/api/v1/webhooks", { as: org.admin.caller })).json().webhooks;
    const disabled = list.find((w: { id: string }) => w.id === webhook.id);
    expect(disabled).toMatchObject({ enabled: false });
    expect(disabled.disabledReason).toBe(
      "Disabled after 24 hours of failed deliveries; the last: The receiver answered 500",
    );
    const told = await env.deps.db
      .select({ recipientId: notifications.recipientId, subject: notifications.subject })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, org.organisation.id),
          eq(notifications.kind, "webhook.disabled"),
        ),
      );
    expect(told).toEqual([{ recipientId: creator.person.id, subject: expect.stringContaining("127.0.0.1") }]);

    // Nothing more is sent, and a test is refused in words.
    at("2026-06-05T09:00:00Z");
    await sweepWebhooks(env.deps);
    expect(requestsFor(deliveryId)).toHaveLength(waits.length + 1);
    const test = await call(env, "POST", `/api/v1/webhooks/${webhook.id}/test`, { as: creator.caller });
    expect(test.statusCode).toBe(409);
    expect(test.json().error.message).toContain("This webhook is disabled");
  });

  it("rotating the secret signs later deliveries with the new one; the secret is never read back", async () => {
    at("2026-06-06T09:00:00Z");
    const { webhook, secret } = await create("/ok", "signed");
    const rotated = await call(env, "POST", `/api/v1/webhooks/${webhook.id}/rotate-secret`, {
      as: org.admin.caller,
    });
    expect(rotated.statusCode).toBe(200);
    const fresh: string = rotated.json().secret;
    expect(fresh).not.toBe(secret);
    expect(rotated.json().webhook).toMatchObject({ id: webhook.id, enabled: true });
    const deliveryId = await sendTest(webhook.id);
    const [request] = requestsFor(deliveryId);
    if (!request) throw new Error("the receiver saw nothing");
    expect(signedWith(request, fresh)).toBe(true);
    expect(signedWith(request, secret)).toBe(false);
    const list = await call(env, "GET", "/api/v1/webhooks", { as: org.admin.caller });
    expect(list.body).not.toContain(fresh);
    expect(list.body).not.toContain("secret");
  });

  it("sends the slack format: text and one mrkdwn section with the subject, body and link", async () => {
    at("2026-06-07T09:00:00Z");
    const { webhook } = await create("/ok", "slack");
    const deliveryId = await sendTest(webhook.id);
    const [request] = requestsFor(deliveryId);
    expect(request?.headers["x-tandem-signature"]).toBeUndefined();
    expect(JSON.parse(request?.body ?? "")).toEqual({
      text: "Test notification from Tandem",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Test notification from Tandem*\nIf you can read this, this webhook works.\n<http://tandem.test/settings/notifications|Open in Tandem>",
          },
        },
      ],
    });
    expect((await rowOf(deliveryId)).status).toBe("delivered");
  });

  it("fans an event out to the organisation's webhooks and its team's, for the kinds they chose", async () => {
    at("2026-06-08T09:00:00Z");
    const fanOrg = await makeOrg(env);
    const lead = await fanOrg.add("member");
    const { team } = await buildTeam(env, { org: fanOrg, lead });
    const { team: otherTeam } = await buildTeam(env, { org: fanOrg });
    const make = async (as: Caller, events: string[], teamId?: string) => {
      const body = { url: `${base}/ok`, format: "signed", events, ...(teamId ? { teamId } : {}) };
      const res = await call(env, "POST", "/api/v1/webhooks", { as, body });
      expect(res.statusCode).toBe(201);
      return res.json().webhook.id as string;
    };
    const orgHook = await make(fanOrg.admin.caller, ["invitation.accepted"]);
    const teamHook = await make(lead.caller, ["invitation.accepted"], team.id);
    const otherKind = await make(fanOrg.admin.caller, ["calendar.import_failed"]);
    const event = (teamId: string | null) => ({
      organisationId: fanOrg.organisation.id,
      teamId,
      kind: "invitation.accepted" as const,
      subject: "Ada accepted",
      body: "Ada joined.",
      link: "/people",
      occurredAt: now,
    });
    const counts = async () => {
      const rows = await env.deps.db
        .select({ webhookId: webhookDeliveries.webhookId })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.organisationId, fanOrg.organisation.id));
      return [orgHook, teamHook, otherKind].map((id) => rows.filter((r) => r.webhookId === id).length);
    };
    await env.deps.db.transaction((tx) => queueWebhookEvents(tx, env.deps, event(null)));
    expect(await counts()).toEqual([1, 0, 0]);
    await env.deps.db.transaction((tx) => queueWebhookEvents(tx, env.deps, event(team.id)));
    expect(await counts()).toEqual([2, 1, 0]);
    await env.deps.db.transaction((tx) => queueWebhookEvents(tx, env.deps, event(otherTeam.id)));
    expect(await counts()).toEqual([3, 1, 0]);

    // Through notify: queued with the notification, and not at all when its transaction rolls back.
    const notifyOnce = (tx: Parameters<typeof notify>[0]) =>
      notify(tx, env.deps, {
        organisationId: fanOrg.organisation.id,
        recipients: [fanOrg.admin.person.id],
        kind: "invitation.accepted",
        subject: "Bo accepted",
        body: "Bo joined.",
        link: "/people",
      });
    await env.deps.db.transaction((tx) => notifyOnce(tx));
    expect(await counts()).toEqual([4, 1, 0]);
    await expect(
      env.deps.db.transaction(async (tx) => {
        await notifyOnce(tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await counts()).toEqual([4, 1, 0]);
    // A disabled webhook receives nothing.
    await env.deps.db.update(webhooks).set({ enabled: false }).where(eq(webhooks.id, orgHook));
    await env.deps.db.transaction((tx) => queueWebhookEvents(tx, env.deps, event(null)));
    expect(await counts()).toEqual([4, 1, 0]);
  });
});

describe("webhooks: who may, and what is refused (an instance that refuses private addresses)", () => {
  let env: TestEnv;
  let org: TestOrg;
  let lead: Awaited<ReturnType<TestOrg["add"]>>;
  let teamId: string;
  let otherTeamId: string;
  // Does not resolve (a reserved name): saved, and each delivery would check it again.
  const url = "https://hooks.example.test/tandem";
  beforeAll(async () => {
    env = await testEnv();
    org = await makeOrg(env);
    lead = await org.add("member");
    teamId = (await buildTeam(env, { org, lead, members: [org.member] })).team.id;
    otherTeamId = (await buildTeam(env, { org })).team.id;
  });
  const post = (as: Caller, body: Record<string, unknown>) =>
    call(env, "POST", "/api/v1/webhooks", {
      as,
      body: { url, format: "signed", events: ["notification.test"], ...body },
    });

  it.each([
    ["http://127.0.0.1:9/hook"],
    ["http://localhost/hook"],
    ["http://169.254.169.254/latest"],
    ["http://[::1]/hook"],
    ["http://10.1.2.3/hook"],
  ])("refuses %s: a private address, named in words", async (privateUrl) => {
    const res = await post(org.admin.caller, { url: privateUrl });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      "This address is on a private network; Tandem may not call it unless the instance allows private addresses (TANDEM_ALLOW_PRIVATE_URLS=true)",
    );
  });

  it.each([
    [{ format: "xml" }, "must be slack or signed"],
    [{ events: [] }, "must name at least one kind of event"],
    [{ events: ["meeting.moved"] }, "must be one of"],
    [{ url: "not a url" }, "must be an http or https address"],
    [{ url: "ftp://hooks.example.test/x" }, "must be an http or https address"],
    [{ teamId: "00000000-0000-4000-8000-000000000000" }, "is not a team in this organisation"],
  ])("refuses bad input %j in words", async (body, words) => {
    const res = await post(org.admin.caller, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(words);
    expect(res.json().error.message).not.toMatch(/\bpath\b|\[\d\]/);
  });

  it("checks the address again at each delivery: one that became private is refused, in words", async () => {
    // As if its DNS now pointed at a private address: stored past the check made at creation.
    const [hook] = await env.deps.db
      .insert(webhooks)
      .values({
        organisationId: org.organisation.id,
        url: `${base}/never-reached`,
        format: "signed",
        events: ["notification.test"],
        secret: "s",
        createdBy: org.admin.person.id,
      })
      .returning();
    const res = await call(env, "POST", `/api/v1/webhooks/${hook?.id}/test`, { as: org.admin.caller });
    expect(res.statusCode).toBe(202);
    const deliveryId: string = res.json().delivery.id;
    const [row] = await env.deps.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.deliveryId, deliveryId));
    await deliverWebhook(env.deps, { organisationId: org.organisation.id, deliveryId: row?.id ?? "" });
    let deliveries: { attempts: number; lastError: string | null }[] = [];
    // The app's own worker may have taken the queued job first: wait for the attempt either way.
    for (let tries = 0; tries < 200 && !deliveries[0]?.attempts; tries++) {
      deliveries = (
        await call(env, "GET", `/api/v1/webhooks/${hook?.id}/deliveries`, { as: org.admin.caller })
      ).json().deliveries;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(deliveries[0]).toMatchObject({
      attempts: 1,
      status: "retrying",
      lastError:
        "This address is on a private network; Tandem may not call it unless the instance allows private addresses (TANDEM_ALLOW_PRIVATE_URLS=true)",
    });
    expect(received.filter((r) => r.path === "/never-reached")).toEqual([]);
  });

  it("lets admins manage the organisation's webhooks, a lead their own team's, nobody else", async () => {
    expect((await post(org.member.caller, {})).statusCode).toBe(403);
    expect((await post(lead.caller, {})).statusCode).toBe(403);
    expect((await post(lead.caller, { teamId: otherTeamId })).statusCode).toBe(403);
    const mine = await post(lead.caller, { teamId });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().webhook).toMatchObject({ teamId, enabled: true, format: "signed", url });
    const orgs = await post(org.admin.caller, {});
    expect(orgs.statusCode).toBe(201);
    const leadsHook = mine.json().webhook.id;
    const orgHook = orgs.json().webhook.id;

    const ids = async (as: Caller) =>
      ((await call(env, "GET", "/api/v1/webhooks", { as })).json().webhooks as { id: string }[]).map(
        (w) => w.id,
      );
    expect(await ids(lead.caller)).toEqual([leadsHook]);
    expect(await ids(org.admin.caller)).toEqual(expect.arrayContaining([leadsHook, orgHook]));
    expect((await call(env, "GET", "/api/v1/webhooks", { as: org.member.caller })).statusCode).toBe(403);

    const as = (caller: Caller, method: "GET" | "POST" | "DELETE", path: string) =>
      call(env, method, `/api/v1/webhooks/${path}`, { as: caller });
    expect((await as(lead.caller, "GET", `${orgHook}/deliveries`)).statusCode).toBe(403);
    expect((await as(lead.caller, "POST", `${orgHook}/rotate-secret`)).statusCode).toBe(403);
    expect((await as(org.member.caller, "POST", `${leadsHook}/test`)).statusCode).toBe(403);
    expect((await as(lead.caller, "GET", `${leadsHook}/deliveries`)).statusCode).toBe(200);
    expect((await as(lead.caller, "DELETE", orgHook)).statusCode).toBe(403);
    expect((await as(lead.caller, "DELETE", leadsHook)).statusCode).toBe(204);
    expect((await as(lead.caller, "DELETE", leadsHook)).statusCode).toBe(404);
    const foreign = await makeOrg(env);
    expect((await as(foreign.admin.caller, "DELETE", orgHook)).statusCode).toBe(404);
    expect((await as(org.admin.caller, "DELETE", orgHook)).statusCode).toBe(204);
  });
});
