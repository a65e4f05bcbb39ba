import { CLIENT_HEADER } from "./round-robin-proxy";

/**
 * The mixed load of the several-instances test and of `bench/instances.bench.ts`: what people do
 * all day, as HTTP requests to one address (an instance, or the proxy in front of several).
 */

export interface Session {
  cookie: string;
  csrf: string;
}

export interface MixTarget {
  url: string;
  session: Session;
  owner: { email: string; password: string };
  /** A webhook of the organisation: "send a test" queues a delivery job (a countable effect). */
  webhookId: string;
  /** Updates that exist, for reads and comments; the mix adds those it creates. */
  updateIds: string[];
}

/** What the instances acknowledged: these must exist afterwards, and each delivery arrive once. */
export interface Acknowledged {
  updates: string[];
  comments: string[];
  deliveries: string[];
}

export interface MixResult {
  requests: number;
  /** Milliseconds each request took, in the order they ended. */
  latencies: number[];
  /** The same, by kind of request ("create", "signIn", …). */
  latenciesByOp: Map<string, number[]>;
  statuses: Map<number, number>;
  /** Requests that got no answer at all (a connection broken by the proxy). */
  failures: number;
  /** Wrong-password sign-ins, each answered 401 (or 5xx when an instance died under it). */
  wrongSignIns: number;
  acknowledged: Acknowledged;
  /** The first answer of each kind of refusal ("comment 400"), to tell a broken mix from a loaded server. */
  refusals: Map<string, string>;
}

type Op = "feed" | "read" | "me" | "create" | "comment" | "webhook" | "signIn" | "wrongSignIn";

/** One cycle of the mix (20 requests): 7 reads, 5 updates, 4 comments, 2 webhook jobs, 2 sign-ins. */
const CYCLE: Op[] = [
  "feed",
  "create",
  "read",
  "comment",
  "me",
  "create",
  "webhook",
  "feed",
  "comment",
  "signIn",
  "read",
  "create",
  "comment",
  "feed",
  "create",
  "wrongSignIn",
  "read",
  "comment",
  "create",
  "webhook",
];

/** Each virtual client sends this many requests, then the next takes over (rate limit, sign-in failures). */
const REQUESTS_PER_CLIENT = 40;

export async function runMix(
  target: MixTarget,
  options: { durationMs: number; concurrency: number; label: string },
): Promise<MixResult> {
  const result: MixResult = {
    requests: 0,
    latencies: [],
    latenciesByOp: new Map(),
    statuses: new Map(),
    failures: 0,
    wrongSignIns: 0,
    acknowledged: { updates: [], comments: [], deliveries: [] },
    refusals: new Map(),
  };
  const until = Date.now() + options.durationMs;
  let wrong = 0;

  const worker = async (w: number) => {
    for (let i = w * 7; Date.now() < until; i++) {
      const client = `10.${w}.${Math.floor(i / REQUESTS_PER_CLIENT) % 250}.${(i % 200) + 1}`;
      const op = CYCLE[i % CYCLE.length] as Op;
      const some = () => target.updateIds[Math.floor(Math.random() * target.updateIds.length)];
      const send = async (method: string, path: string, body?: unknown, session?: Session) => {
        const headers: Record<string, string> = { [CLIENT_HEADER]: client };
        if (session) {
          headers.cookie = `tandem_session=${session.cookie}`;
          if (method !== "GET") headers["x-csrf-token"] = session.csrf;
        }
        if (body !== undefined) headers["content-type"] = "application/json";
        const started = performance.now();
        try {
          const res = await fetch(`${target.url}${path}`, {
            method,
            headers,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const text = await res.text();
          const ms = performance.now() - started;
          result.latencies.push(ms);
          result.latenciesByOp.set(op, [...(result.latenciesByOp.get(op) ?? []), ms]);
          result.requests++;
          result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
          const refusal = `${op} ${res.status}`;
          if (res.status >= 400 && !result.refusals.has(refusal))
            result.refusals.set(refusal, text.slice(0, 300));
          return { status: res.status, json: () => JSON.parse(text) };
        } catch {
          result.failures++;
          return { status: 0, json: () => ({}) };
        }
      };
      const s = target.session;
      switch (op) {
        case "feed":
          await send("GET", "/api/v1/updates", undefined, s);
          break;
        case "read":
          await send("GET", `/api/v1/updates/${some()}`, undefined, s);
          break;
        case "me":
          await send("GET", "/api/v1/me", undefined, s);
          break;
        case "create": {
          const res = await send(
            "POST",
            "/api/v1/updates",
            {
              kind: "status",
              title: `${options.label} ${w}.${i}`,
              body: "Shipped the thing; notes inside.",
              audience: { organisation: true },
            },
            s,
          );
          if (res.status === 201) {
            const id = res.json().update.id as string;
            result.acknowledged.updates.push(id);
            target.updateIds.push(id);
          }
          break;
        }
        case "comment": {
          const res = await send(
            "POST",
            `/api/v1/updates/${some()}/comments`,
            { body: `+1 from ${w}.${i}` },
            s,
          );
          if (res.status === 201) result.acknowledged.comments.push(res.json().comment.id as string);
          break;
        }
        case "webhook": {
          const res = await send("POST", `/api/v1/webhooks/${target.webhookId}/test`, undefined, s);
          if (res.status === 202) result.acknowledged.deliveries.push(res.json().delivery.id as string);
          break;
        }
        case "signIn":
          await send("POST", "/api/v1/auth/login", target.owner);
          break;
        case "wrongSignIn":
          // A new email each time, and a few per client address: both are throttled past 5 and 50 failures.
          await send("POST", "/api/v1/auth/login", {
            email: `nobody-${options.label}-${w}-${wrong++}@example.test`,
            password: "not the password",
          });
          result.wrongSignIns++;
          break;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  return result;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Signs in through `url` and fetches the session's CSRF token. */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return sessionFrom(url, res);
}

/** The session a response set (setup, sign-in), with its CSRF token. */
export async function sessionFrom(url: string, res: Response): Promise<Session> {
  const cookie = /tandem_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("no session cookie");
  const csrf = await fetch(`${url}/api/v1/auth/csrf`, { headers: { cookie: `tandem_session=${cookie}` } });
  return { cookie, csrf: ((await csrf.json()) as { token: string }).token };
}

/** "create 120 ms, feed 35 ms, …": the median of each kind of request. */
export function mediansByOp(result: MixResult): string {
  return [...result.latenciesByOp].map(([op, ms]) => `${op} ${percentile(ms, 50).toFixed(0)} ms`).join(", ");
}
