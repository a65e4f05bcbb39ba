/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { errorBody } from "../src/contracts/errors";
import { makeOrg, type TestOrg } from "./support/factories";
import { type Caller, call, type TestEnv, testEnv, writesDuring } from "./support/harness";
import { CALLERS, type MatrixContext, type RouteCase, type Who } from "./support/matrix";

const modules = import.meta.glob<{ cases: RouteCase[] }>("./matrix/*.ts", { eager: true });
const CASES = Object.values(modules).flatMap((m) => m.cases);

/** Routes served by plugins or the SPA fallback, not by our route table. */
const NOT_API = (route: string) => {
  const [method = "", path = ""] = route.split(" ");
  if (method === "HEAD" || path.startsWith("/api/docs")) return true;
  return !path.startsWith("/api/") && !["/healthz", "/readyz", "/metrics"].includes(path);
};

/**
 * Routes outside /api/v1 that the matrix covers but that keep no response schema: probes answer a
 * fixed shape of their own (a 503 from /readyz is not the error envelope), /metrics is Prometheus
 * text and /api/openapi.json is the document itself; all are hidden from that document. Every other
 * route the matrix covers declares its responses.
 */
const OPERATIONAL = ["GET /healthz", "GET /readyz", "GET /metrics", "GET /api/openapi.json"];

let env: TestEnv;
let org: TestOrg;
let foreign: TestOrg;
const registered: string[] = [];

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
  foreign = await makeOrg(env, "Asia/Kolkata");
  registered.push(...env.app.routeTable.filter((r) => !NOT_API(r)));
});

function callerOf(who: Who): Caller {
  if (who === "anonymous") return { kind: "anonymous" };
  if (who === "foreign") return foreign.member.caller;
  return org[who].caller;
}

describe("route matrix", () => {
  it("has a row for every registered route", () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect(CASES.map((c) => c.route).filter((r) => !registered.includes(r))).toEqual([]);
  });

  it("declares a success body and the error envelope for every API route (schema.response)", () => {
    const undeclared = registered.filter((route) => {
      if (OPERATIONAL.includes(route)) return false;
      const response = env.app.routeResponses.get(route) ?? {};
      // A redirect (302 to an identity provider) is a route's success too.
      const success = Object.keys(response).some((status) => /^(2\d\d|302)$/.test(status));
      return !success || response["4xx"] !== errorBody || response["5xx"] !== errorBody;
    });
    expect(undeclared).toEqual([]);
  });

  it("sees the writes of a request (so a GET that wrote would fail its row)", async () => {
    const { result, writes } = await writesDuring(() =>
      call(env, "POST", "/api/v1/teams", { as: org.owner.caller, body: { name: "Seen writing" } }),
    );
    expect(result.statusCode).toBe(201);
    expect(writes.some((sql) => /insert\s+into\s+"teams"/i.test(sql))).toBe(true);
  });

  for (const c of CASES) {
    const [method = "GET", path = ""] = c.route.split(" ");
    describe(c.route, () => {
      it.each(CALLERS)("answers %s as expected", async (who) => {
        const ctx: MatrixContext = { env, org, foreign, who };
        const prepared = (await c.prepare?.(ctx)) ?? {};
        const { result: res, writes } = await writesDuring(() =>
          call(env, method as "GET", prepared.url ?? path, {
            as: prepared.as ?? callerOf(who),
            body: prepared.body,
            ...(prepared.payload === undefined ? {} : { payload: prepared.payload }),
            ...(prepared.contentType ? { headers: { "content-type": prepared.contentType } } : {}),
            ...(c.stream ? { stream: true } : {}),
          }),
        );
        // A GET only reads: nothing created on first read, nothing touched (a write belongs to a POST).
        if (method === "GET") expect({ who, writes }).toEqual({ who, writes: [] });
        expect({
          who,
          status: res.statusCode,
          body: res.statusCode >= 400 ? res.json() : undefined,
        }).toMatchObject({
          who,
          status: c.expect[who],
        });
        if (res.statusCode >= 400) expect(res.json().error.requestId).toBeTruthy();
      });

      if (!c.badInput) return;
      const bad = c.badInput;
      const send = async (mutate: (body: Record<string, unknown>) => void, payload?: string) => {
        const ctx: MatrixContext = { env, org, foreign, who: "owner" };
        const prepared = (await c.prepare?.(ctx)) ?? {};
        const body = structuredClone(prepared.body) as Record<string, unknown>;
        mutate(body);
        return call(env, method as "POST", prepared.url ?? path, {
          as: org.owner.caller,
          ...(payload === undefined
            ? { body }
            : { payload, headers: { "content-type": "application/json" } }),
        });
      };
      it("rejects an unknown field, naming it", async () => {
        const res = await send((b) => {
          b.surprise = true;
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toContain("surprise");
      });
      it("rejects a wrong type, naming the field", async () => {
        const res = await send((b) => setPath(b, bad.wrongType.field, bad.wrongType.value));
        expect(res.statusCode).toBe(400);
        expectNamedInWords(res.json().error, asErrorPath(bad.wrongType.field));
      });
      it("rejects an oversized string, naming the field (or an oversized body)", async () => {
        const field = bad.oversized;
        if (!field) {
          const res = await send((b) => {
            b.padding = "x".repeat(2 * 1024 * 1024);
          });
          expect(res.statusCode).toBe(413);
          expect(res.json().error.code).toBe("payload_too_large");
          return;
        }
        // Longer than any text the API takes (a document's body, 200,000 characters), within the body limit.
        const res = await send((b) => setPath(b, field, "x".repeat(250_000)));
        expect(res.statusCode).toBe(400);
        expectNamedInWords(res.json().error, asErrorPath(field));
      });
      it("rejects malformed JSON", async () => {
        const res = await send(() => undefined, '{"broken": ');
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe("malformed_json");
      });
    });
  }
});

function setPath(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node: Record<string, unknown> = body;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
}

/** The field's path is in `details` for forms; the message is a sentence without paths. */
function expectNamedInWords(
  error: { message: string; details?: { fields?: { path: string }[] } },
  path: string,
) {
  expect(error.details?.fields?.map((f) => f.path)).toContain(path);
  if (path.includes(".") || path.includes("[")) expect(error.message).not.toContain(path);
  expect(error.message).toMatch(/^[A-Z]/);
}

/** "members.0.personId" → "members[0].personId", as details name fields. */
const asErrorPath = (path: string) => path.replace(/\.(\d+)/g, "[$1]");
