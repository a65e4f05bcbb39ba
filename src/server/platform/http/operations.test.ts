import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../../../test/support/harness";
import { type AppOptions, buildApp } from "../../app";
import type { Database } from "../db/types";

let env: TestEnv;
const built: FastifyInstance[] = [];

beforeAll(async () => {
  env = await testEnv();
});

afterAll(async () => {
  for (const app of built) await app.close();
});

async function appWith(database: Database, options: AppOptions = {}) {
  const app = await buildApp({ ...env.deps, database, db: database.db }, { logger: false, ...options });
  built.push(app);
  return app;
}

describe("operations endpoints", () => {
  it("GET /healthz answers while the process runs", async () => {
    const res = await env.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers 200 when the database answers", async () => {
    const res = await env.app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", database: env.deps.database.kind });
  });

  it("GET /readyz answers 503 when the database does not answer", async () => {
    const silent: Database = { ...env.deps.database, ping: () => new Promise<void>(() => undefined) };
    const res = await (await appWith(silent)).inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable", reason: "database did not answer within 2 s" });
  });

  it("GET /readyz answers 503 when the database fails", async () => {
    const failing: Database = {
      ...env.deps.database,
      ping: () => Promise.reject(new Error("connection refused")),
    };
    const res = await (await appWith(failing)).inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json().reason).toBe("connection refused");
  });

  it("GET /metrics is Prometheus text with request durations by route", async () => {
    const app = await appWith(env.deps.database);
    await app.inject({ method: "GET", url: "/healthz" });
    const res = await app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain("# TYPE tandem_http_request_duration_seconds histogram");
    expect(res.body).toMatch(
      /tandem_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1\n/,
    );
    expect(res.body).toContain("tandem_process_cpu_user_seconds_total");
  });
});

describe("API documentation", () => {
  it("GET /api/openapi.json describes the API", async () => {
    const res = await env.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/v1/auth/login"].post.requestBody).toBeDefined();
    expect(doc.paths["/healthz"]).toBeUndefined();
  });

  it("GET /api/docs serves the browsable documentation", async () => {
    const res = await env.app.inject({ method: "GET", url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("swagger");
  });
});

describe("the web app's HTML", () => {
  let webDir: string;
  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), "tandem-web-"));
    await writeFile(join(webDir, "index.html"), "<!doctype html><title>Tandem</title><div id=root></div>");
  });
  afterAll(async () => {
    await rm(webDir, { recursive: true, force: true });
  });

  it("carries a strict Content-Security-Policy, on / and on client routes", async () => {
    const app = await appWith(env.deps.database, { webDir });
    for (const url of ["/", "/people/123"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("<title>Tandem</title>");
      const directives = new Map(
        String(res.headers["content-security-policy"])
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .map(([name = "", ...values]) => [name, values]),
      );
      expect(directives.get("default-src")).toEqual(["'self'"]);
      expect(directives.get("script-src")).toEqual(["'self'"]);
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("still answers unknown API paths with a JSON 404", async () => {
    const app = await appWith(env.deps.database, { webDir });
    const res = await app.inject({ method: "GET", url: "/api/v1/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});
