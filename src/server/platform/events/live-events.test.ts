import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "../../../../test/support/provided";
import { actorOf, makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, closeEnv, type TestEnv, testEnv } from "../../../../test/support/harness";
import { openSse, type SseClient } from "../../../../test/support/sse";
import type { Publication } from "./live-events";

/** An app of its own, listening on a real port, so streams go over HTTP as a browser's would. */
async function listeningEnv(name: string): Promise<{ env: TestEnv; url: string }> {
  const env = await testEnv({ TANDEM_PUBLIC_URL: `http://${name}.test` });
  const address = await env.app.listen({ host: "127.0.0.1", port: 0 });
  return { env, url: `${address}/api/v1/events` };
}

let env: TestEnv;
let url: string;
let org: TestOrg;
const open: SseClient[] = [];

beforeAll(async () => {
  ({ env, url } = await listeningEnv("events"));
  org = await makeOrg(env);
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await closeEnv(env);
});

async function stream(as: Caller, lastEventId?: string, at = url): Promise<SseClient> {
  const client = await openSse(at, as, lastEventId);
  open.push(client);
  expect(client.status).toBe(200);
  return client;
}

async function publish(
  publication: Omit<Publication, "audience"> & { audience?: Partial<Publication["audience"]> },
) {
  const audience = { organisationId: org.organisation.id, ...publication.audience };
  await env.deps.db.transaction((tx) => env.deps.events.publish(tx, { ...publication, audience }));
}

const forEveryone = (id: string) => publish({ type: "acknowledgement.created", id });

/** The next message whose id is one of `ids`, passing over events other tests' jobs still publish. */
async function nextOf(client: SseClient, ids: string[]) {
  for (;;) {
    const message = await client.next();
    if (!message || ids.includes((message.data as { id?: string }).id ?? "")) return message;
  }
}

describe("GET /api/v1/events", () => {
  it("streams an acknowledgement to the organisation's admins and HR, and to no one else", async () => {
    const [owner, admin, hr, manager, member] = await Promise.all(
      [org.owner, org.admin, org.hr, org.manager, org.member].map((p) => stream(p.caller)),
    );
    const outsider = await makeOrg(env);
    const foreignAdmin = await stream(outsider.admin.caller);
    expect(hr?.contentType).toBe("text/event-stream; charset=utf-8");

    const ack = await call(env, "POST", "/api/v1/agreement/acknowledgements", {
      as: org.member.caller,
      body: { version: 1 },
    });
    expect(ack.statusCode).toBe(201);
    for (const client of [owner, admin, hr]) {
      expect((await client?.next())?.data).toMatchObject({ type: "acknowledgement.created", id: "1" });
    }
    // An event for everyone afterwards: it must be the first thing the others see.
    await forEveryone("after");
    await publish({
      type: "acknowledgement.created",
      id: "outsider",
      audience: { organisationId: outsider.organisation.id },
    });
    for (const client of [manager, member])
      expect((await client?.next())?.data).toMatchObject({ id: "after" });
    expect((await foreignAdmin.next())?.data).toMatchObject({ id: "outsider" });
  });

  it("streams a policy acknowledgement to HR, naming the policy", async () => {
    const hr = await stream(org.hr.caller);
    const created = await call(env, "POST", "/api/v1/policies", {
      as: org.admin.caller,
      body: { title: "Quiet hours", body: "Evenings are for rest." },
    });
    const policyId = created.json().policy.id;
    const ack = await call(env, "POST", `/api/v1/policies/${policyId}/acknowledgements`, {
      as: org.member.caller,
      body: { version: 1 },
    });
    expect(ack.statusCode).toBe(201);
    expect((await hr.next())?.data).toMatchObject({ type: "acknowledgement.created", id: policyId });
  });

  it("sends only type, id and time, and names people by id only when addressed", async () => {
    const mine = await stream(org.manager.caller);
    await publish({
      type: "acknowledgement.created",
      id: "private",
      audience: { personIds: [org.member.person.id] },
    });
    await publish({
      type: "acknowledgement.created",
      id: "for-me",
      audience: { personIds: [org.manager.person.id] },
    });
    // Jobs from the tests before (the policy's announcement) may still address the manager: skip
    // what this test did not publish, so "private" arriving first is what would fail.
    const message = await nextOf(mine, ["private", "for-me"]);
    expect(Object.keys(message?.data as object).sort()).toEqual(["at", "id", "type"]);
    expect(message?.data).toMatchObject({ id: "for-me" });
  });

  it("resumes after Last-Event-ID with the events missed while away, once each", async () => {
    const first = await stream(org.hr.caller);
    await forEveryone("seen");
    const seen = await nextOf(first, ["seen"]);
    await first.close();
    await forEveryone("missed-1");
    await publish({ type: "acknowledgement.created", id: "not-for-hr", audience: { roles: ["manager"] } });
    await forEveryone("missed-2");

    const again = await stream(org.hr.caller, seen?.id);
    await forEveryone("live");
    const ids = [];
    const ours = ["missed-1", "not-for-hr", "missed-2", "live"];
    for (let i = 0; i < 3; i++)
      ids.push(((await nextOf(again, ours))?.data as { id: string } | undefined)?.id);
    expect(ids).toEqual(["missed-1", "missed-2", "live"]);
  });

  it("keeps the last five minutes for resuming when pruning", async () => {
    const client = await stream(org.hr.caller);
    await forEveryone("mark");
    const mark = await nextOf(client, ["mark"]);
    const backdate = (id: string, minutes: number) =>
      env.deps.db.execute(
        sql`update live_events set at = now() - make_interval(mins => ${minutes}) where object_id = ${id}`,
      );
    await forEveryone("six-minutes-old");
    await forEveryone("eleven-minutes-old");
    await backdate("six-minutes-old", 6);
    await backdate("eleven-minutes-old", 11);
    await env.deps.events.prune();
    const resumed = await env.deps.events.since(actorOf(org.hr), Number(mark?.id));
    expect(resumed.map((e) => e.event.id)).toEqual(["six-minutes-old"]);
  });

  it("takes a bearer token", async () => {
    const created = await call(env, "POST", "/api/v1/me/tokens", {
      as: org.admin.caller,
      body: { name: "events" },
    });
    const client = await stream({ kind: "token", token: created.json().token });
    await forEveryone("by-token");
    expect((await nextOf(client, ["by-token"]))?.data).toMatchObject({ id: "by-token" });
  });

  it("refuses a Last-Event-ID that is not an event id, and unknown query fields", async () => {
    const bad = await call(env, "GET", "/api/v1/events", {
      as: org.member.caller,
      headers: { "last-event-id": "yesterday" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toContain("last-event-id");
    const unknown = await call(env, "GET", "/api/v1/events?since=1", { as: org.member.caller });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("since");
  });

  it("does not keep app.close() waiting on an open stream", async () => {
    const other = await listeningEnv("closing");
    const person = await makeOrg(other.env);
    const client = await stream(person.member.caller, undefined, other.url);
    await closeEnv(other.env);
    expect(await client.next()).toBeUndefined();
  });
});

describe.runIf(Boolean(inject("databaseUrl")))("live events across instances", () => {
  it("reaches a client of another instance on the same PostgreSQL database", async () => {
    const second = await listeningEnv("second");
    try {
      const client = await stream(org.admin.caller, undefined, second.url);
      const ack = await call(env, "POST", "/api/v1/agreement/acknowledgements", {
        as: org.hr.caller,
        body: { version: 1 },
      });
      expect(ack.statusCode).toBe(201);
      expect((await client.next())?.data).toMatchObject({ type: "acknowledgement.created", id: "1" });
    } finally {
      await closeEnv(second.env);
    }
  });
});
