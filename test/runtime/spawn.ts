import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const TANDEM_BIN = join(process.cwd(), "bin", "tandem.mjs");

export interface Spawned {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Tandem's own variables (see src/server/config.ts): a developer's shell must not leak them into a test. */
const CONFIG_VARIABLE = /^(HOST|PORT|DATABASE_URL|SMTP_\w+|TANDEM_\w+)$/;

/** Runs `node bin/tandem.mjs ...args` with exactly the Tandem configuration in `env`. */
export function tandem(args: string[], env: Record<string, string>): Spawned {
  const inherited = Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLE.test(name));
  const child = spawn(process.execPath, [TANDEM_BIN, ...args], {
    env: { ...Object.fromEntries(inherited), TANDEM_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => text, exited };
}

/** Waits for the process to end, failing (and killing it) when it takes longer than `ms`. */
export async function exitWithin(spawned: Spawned, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      spawned.child.kill("SIGKILL");
      reject(new Error(`still running after ${ms} ms; output:\n${spawned.output()}`));
    }, ms);
  });
  try {
    return await Promise.race([spawned.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Polls `url` until it answers 200, the process dies, or the deadline passes. */
export async function waitUntilReady(url: string, spawned: Spawned, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let exited = false;
  void spawned.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready; output:\n${spawned.output()}`);
}

/** The first organisation's owner of a running instance, with the headers of their session. */
export interface FirstOwner {
  personId: string;
  headers: { cookie: string; "x-csrf-token": string };
}

/** Sets up a running instance's first organisation over HTTP, as the web app's set-up page does. */
export async function setUpOverHttp(base: string, organisation: string): Promise<FirstOwner> {
  const res = await fetch(`${base}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organisation: { name: organisation, timeZone: "Europe/Berlin" },
      owner: {
        name: "Owner",
        email: "owner@served.test",
        password: "a long password 1",
        timeZone: "Europe/Berlin",
      },
    }),
  });
  if (res.status !== 201) throw new Error(`set-up answered ${res.status}: ${await res.text()}`);
  const { person } = (await res.json()) as { person: { id: string } };
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = (await (await fetch(`${base}/api/v1/auth/csrf`, { headers: { cookie } })).json()) as {
    token: string;
  };
  return { personId: person.id, headers: { cookie, "x-csrf-token": csrf.token } };
}
