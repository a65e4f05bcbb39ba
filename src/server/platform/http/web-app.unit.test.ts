import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControlFor, registerWebApp } from "./web-app";

const SCRIPT = `console.log(${JSON.stringify("tandem ".repeat(400))});`;
const HTML = `<!doctype html><title>Tandem</title><script src="/assets/app-abc123.js"></script>`;
const IMMUTABLE = "public, max-age=31536000, immutable";

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tandem-static-"));
  await mkdir(join(dir, "assets"));
  const script = join(dir, "assets", "app-abc123.js");
  await writeFile(script, SCRIPT);
  await writeFile(`${script}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${script}.gz`, gzipSync(SCRIPT));
  await writeFile(join(dir, "index.html"), HTML);
  await writeFile(join(dir, "index.html.br"), brotliCompressSync(HTML));
  await writeFile(join(dir, "robots.txt"), "User-agent: *\n");
  app = Fastify();
  await registerWebApp(app, dir);
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: "GET", url, headers: encoding ? { "accept-encoding": encoding } : {} });

describe("serving the built web app", () => {
  it("sends the brotli variant to clients that accept it, else gzip, else the plain file", async () => {
    const br = await get("/assets/app-abc123.js", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gz = await get("/assets/app-abc123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get("/assets/app-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("lets browsers keep hashed assets for a year, in every encoding", async () => {
    for (const encoding of ["br", "gzip", undefined]) {
      expect((await get("/assets/app-abc123.js", encoding)).headers["cache-control"]).toBe(IMMUTABLE);
    }
  });

  it("makes browsers revalidate index.html, the client-route fallback and unhashed files", async () => {
    for (const url of ["/", "/index.html", "/people/123", "/robots.txt"]) {
      const res = await get(url, "br");
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("sends the client-route fallback compressed too", async () => {
    const res = await get("/people/123", "br");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(HTML);
  });
});

describe("cacheControlFor", () => {
  it.each([
    ["assets/index-B20NxSBl.js", IMMUTABLE],
    ["assets/index-B7IhtgjH.css.br", IMMUTABLE],
    ["assets/index-B7IhtgjH.css.gz", IMMUTABLE],
    ["index.html", "no-cache"],
    ["index.html.br", "no-cache"],
    ["favicon-B20NxSBl.svg", "no-cache"],
    ["assets/logo.svg", "no-cache"],
  ])("%s → %s", (file, expected) => {
    expect(cacheControlFor(file)).toBe(expected);
  });
});
