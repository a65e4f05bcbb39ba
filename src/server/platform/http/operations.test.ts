import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../../../test/support/harness";
import { type AppOptions, buildApp } from "../../app";
import { openDatabase } from "../db/open";
import type { Database } from "../db/types";

let env: TestEnv;
const built: FastifyInstance[] = [];

beforeAll(async () => {
  env = await testEnv();
});

afterAll(async () => {
  for (const app of built) await app.close();
});

async function appWith(database: Database, options: AppOptions = {}, metricsToken?: string) {
  const config = { ...env.deps.config, metricsToken };
  const app = await buildApp(
    { ...env.deps, config, database, db: database.db },
    { logger: false, ...options },
  );
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
    expect(res.json()).toEqual({ status: "unavailable", database: "down" });
  });

  it("GET /readyz answers 503 when the database fails", async () => {
    const failing: Database = {
      ...env.deps.database,
      ping: () => Promise.reject(new Error("connection refused")),
    };
    const res = await (await appWith(failing)).inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    // Which dependency is down, never the driver's text (it names hosts and users).
    expect(res.json()).toEqual({ status: "unavailable", database: "down" });
    expect(res.body).not.toContain("refused");
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

  it("GET /api/docs and /api/docs/ serve the browsable documentation, following any redirect", async () => {
    for (const url of ["/api/docs", "/api/docs/", "/api/docs/static/index.html"]) {
      const res = await followRedirects(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("swagger-ui");
    }
  });
});

/** Follows Location headers like a browser would, failing on a loop (more than 5 hops). */
async function followRedirects(start: string) {
  let url = start;
  for (let hops = 0; hops <= 5; hops++) {
    const res = await env.app.inject({ method: "GET", url });
    const location = res.headers.location;
    if (res.statusCode < 300 || res.statusCode >= 400 || !location) return res;
    url = new URL(String(location), `http://localhost${url}`).pathname;
  }
  throw new Error(`${start} redirects more than 5 times`);
}

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

describe("a database that cannot be reached", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // A PostgreSQL pool pointed at a port nobody listens on: every query fails with ECONNREFUSED.
    const unreachable = await openDatabase({
      databaseUrl: "postgres://tandem@127.0.0.1:1/tandem",
      dataDir: "",
    });
    app = await appWith(unreachable);
  });

  it("answers API requests 503 service_unavailable with Retry-After, not 500", async () => {
    for (const headers of [{}, { cookie: "tandem_session=whatever" }]) {
      const res = await app.inject({ method: "GET", url: "/api/v1/setup", headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.json().error).toMatchObject({ code: "service_unavailable", requestId: expect.any(String) });
      expect(res.body).not.toContain("ECONNREFUSED");
    }
  });

  it("is named by /readyz without the driver's text", async () => {
    const res = await app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable", database: "down" });
  });

  it("does not stop /healthz", async () => {
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });
});

describe("who may read /metrics", () => {
  const token = "metrics-secret-0123456789";

  it("answers loopback callers when no token is configured, and refuses others with 403", async () => {
    const app = await appWith(env.deps.database);
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await app.inject({ method: "GET", url: "/metrics", remoteAddress })).statusCode).toBe(200);
    }
    for (const remoteAddress of ["10.0.0.7", "203.0.113.9", "::ffff:192.168.1.2", "2001:db8::1"]) {
      const res = await app.inject({ method: "GET", url: "/metrics", remoteAddress });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
      expect(res.body).not.toContain("tandem_process");
    }
  });

  it("requires the Bearer token when TANDEM_METRICS_TOKEN is set, from any address", async () => {
    const app = await appWith(env.deps.database, {}, token);
    const ask = (authorization?: string, remoteAddress = "203.0.113.9") =>
      app.inject({
        method: "GET",
        url: "/metrics",
        remoteAddress,
        headers: authorization ? { authorization } : {},
      });
    expect((await ask(`Bearer ${token}`)).statusCode).toBe(200);
    expect((await ask(`Bearer ${token}`)).body).toContain("tandem_process_cpu_user_seconds_total");
    for (const wrong of [undefined, "Bearer nope", `Bearer ${token}x`, `Basic ${token}`, token]) {
      const res = await ask(wrong);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
    expect((await ask(undefined, "127.0.0.1")).statusCode).toBe(401);
  });
});
