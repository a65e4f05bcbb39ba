import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** Set-up shared by the webhook tests (webhooks.*.test.ts): a real receiver, and reading what it saw. */

/** What the receiver saw: one request each, its signature checked against the secret it was told. */
export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1. `/flaky` answers 500 to the first request of each delivery
 * and 200 after; `/down` always 500; anything else 200.
 */
let server: Server;
/** The receiver's address (`http://127.0.0.1:<port>`), set once `serveReceiver`'s set-up has run. */
export let base: string;
/** Every request the receiver saw, in order. */
export const received: Received[] = [];
const seen = new Set<string>();

/** Starts the receiver before the calling test file's tests and stops it after them. */
export function serveReceiver() {
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
}

/** Whether `X-Tandem-Signature` is the HMAC-SHA256 of "t.body" with `secret`. */
export function signedWith(request: Received, secret: string): boolean {
  const header = String(request.headers["x-tandem-signature"]);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${request.body}`).digest("hex");
  return expected === match[2];
}

/** The requests the receiver saw for one delivery, oldest first. */
export const requestsFor = (deliveryId: string) =>
  received.filter((r) => r.headers["x-tandem-delivery"] === deliveryId);
