import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/server/app";
import { replies } from "../src/server/platform/http/replies";
import { type TestEnv, testEnv } from "./support/harness";

/** Issue 9: every operation's responses are declared, shown in the document and enforced on the way out. */
let env: TestEnv;
const built: FastifyInstance[] = [];

beforeAll(async () => {
  env = await testEnv();
});

afterAll(async () => {
  for (const app of built) await app.close();
});

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** The real app (its compilers and error handler) with one extra route answering `body` under `schema`. */
async function answerWith(schema: z.ZodType, body: unknown) {
  const app = await buildApp(env.deps, { logger: false });
  built.push(app);
  const url = "/api/v1/test/response-contract";
  const options = { config: { access: "public" as const }, schema: { response: replies({ 200: schema }) } };
  app.withTypeProvider<ZodTypeProvider>().get(url, options, async () => body as never);
  return app.inject({ method: "GET", url });
}

describe("response contracts", () => {
  it("/api/openapi.json has a response schema for every operation (a body for all but 204)", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    };
    const problems: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        const responses = op.responses ?? {};
        const statuses = Object.keys(responses);
        // A 302 (to an identity provider and back) is a success without a body, like a 204.
        if (!statuses.some((s) => /^(2\d\d|302)$/.test(s))) problems.push(`${name}: no success response`);
        if (!statuses.some((s) => /^4(xx|XX)$/.test(s))) problems.push(`${name}: no error envelope (4XX)`);
        for (const [status, response] of Object.entries(responses)) {
          if (status === "204" || status === "302") continue;
          const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
          if (!schemas.some(Boolean)) problems.push(`${name}: ${status} has no body schema`);
        }
      }
    }
    expect(operations).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("strips a field the route's response schema does not declare", async () => {
    const declared = z.object({ kept: z.string(), nested: z.object({ a: z.number() }) });
    // A presenter that says too much: the undeclared fields must not leave the server.
    const res = await answerWith(declared, {
      kept: "yes",
      passwordHash: "secret",
      nested: { a: 1, internal: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kept: "yes", nested: { a: 1 } });
    expect(res.body).not.toContain("secret");
  });

  it("answers a body that breaks its schema as a bare 500 in the error envelope, never the body", async () => {
    const res = await answerWith(z.object({ count: z.number() }), { count: "not a number", secret: "leak" });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal");
    expect(res.body).not.toContain("leak");
  });
});
