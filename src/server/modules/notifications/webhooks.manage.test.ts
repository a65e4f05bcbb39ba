import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { deliverWebhook } from "./webhooks.deliver";
import { base, received, serveReceiver } from "./webhooks.fixtures";
import { webhookDeliveries, webhooks } from "./webhooks.table";

/**
 * Managing webhooks: who may (admins the organisation's, a lead their team's), and the addresses and
 * input refused in words. Deliveries themselves are in webhooks.delivery.test.ts.
 */

serveReceiver();

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
