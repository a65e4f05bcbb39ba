import { Agent, createServer, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";

/** One Tandem instance behind the proxy; `alive` turns false once it refuses connections. */
export interface Backend {
  name: string;
  port: number;
  alive: boolean;
}

export interface RoundRobinProxy {
  port: number;
  url: string;
  backends: Backend[];
  /** Requests answered by each backend, by name. */
  answered: Map<string, number>;
  close(): Promise<void>;
}

/** The proxy's answer names the instance that answered (the tests check several took part). */
export const BACKEND_HEADER = "x-test-backend";
/**
 * Who the client is, as the proxy reports it in `X-Forwarded-For`: a load generator on one machine
 * plays many clients (each with its own rate limit and sign-in failure counts) by sending it.
 */
export const CLIENT_HEADER = "x-test-client";

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"];

/**
 * A small load balancer as operators put in front of several instances: each request goes to the
 * next live instance in turn; one that refuses the connection is skipped from then on (the request
 * goes to the next). A request that reached an instance which then died is answered 502 — not
 * acknowledged, as a real balancer would. Responses are streamed, so Server-Sent Events pass through,
 * and a stream whose instance dies is ended for the client (which reconnects).
 */
export async function startRoundRobinProxy(backends: Backend[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const answered = new Map<string, number>();
  let next = 0;
  const pick = (): Backend | undefined => {
    for (let i = 0; i < backends.length; i++) {
      const backend = backends[next++ % backends.length];
      if (backend?.alive) return backend;
    }
    return undefined;
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers: IncomingHttpHeaders = { ...incoming.headers };
      for (const name of HOP_BY_HOP) delete headers[name];
      const client = headers[CLIENT_HEADER] ?? incoming.socket.remoteAddress ?? "127.0.0.1";
      delete headers[CLIENT_HEADER];
      headers["x-forwarded-for"] = String(client);
      headers["content-length"] = String(body.length);

      const attempt = () => {
        const backend = pick();
        if (!backend) {
          outgoing.writeHead(503, { "content-type": "text/plain" }).end("no instance is alive");
          return;
        }
        let finished = false;
        const upstream = request(
          {
            host: "127.0.0.1",
            port: backend.port,
            method: incoming.method,
            path: incoming.url,
            headers,
            agent,
          },
          (response) => {
            answered.set(backend.name, (answered.get(backend.name) ?? 0) + 1);
            const out: IncomingHttpHeaders = { ...response.headers, [BACKEND_HEADER]: backend.name };
            for (const name of HOP_BY_HOP) delete out[name];
            outgoing.writeHead(response.statusCode ?? 502, out);
            outgoing.flushHeaders();
            response.on("data", (chunk: Buffer) => outgoing.write(chunk));
            response.on("end", () => {
              finished = true;
              outgoing.end();
            });
            // The instance went away mid-answer (SIGKILL): end the client's connection too.
            response.on("error", () => outgoing.destroy());
            response.on("aborted", () => outgoing.destroy());
          },
        );
        upstream.on("error", (err: NodeJS.ErrnoException) => {
          if (outgoing.headersSent) {
            outgoing.destroy();
            return;
          }
          if (err.code === "ECONNREFUSED") {
            backend.alive = false;
            attempt();
            return;
          }
          outgoing
            .writeHead(502, { "content-type": "text/plain" })
            .end(`instance ${backend.name}: ${err.code}`);
        });
        // The client went away (a live stream closed): let go of the instance's side too.
        outgoing.on("close", () => {
          if (!finished) upstream.destroy();
        });
        upstream.end(body);
      };
      attempt();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    backends,
    answered,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
