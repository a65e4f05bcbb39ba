import { isIP } from "node:net";
import { z } from "zod";

/**
 * What Fastify's `trustProxy` receives: no proxy, a number of proxy hops in front of Tandem, or the
 * proxies' addresses. Either way the client address is the right-most `X-Forwarded-For` entry that
 * is not a trusted proxy — never the left-most, which the client writes itself.
 */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for whole ranges. */
const PRESETS = ["loopback", "linklocal", "uniquelocal"];
const MAX_HOPS = 10;

const HELP =
  "must be false, true (one proxy in front), a number of proxy hops, or a comma-separated list of " +
  "proxy addresses and CIDR ranges such as 10.0.0.0/8";

function isCidr(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || bits === undefined || rest.length > 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const isProxyEntry = (entry: string) => PRESETS.includes(entry) || isIP(entry) !== 0 || isCidr(entry);

export function parseTrustProxy(raw: string): TrustProxy | undefined {
  const value = raw.trim().toLowerCase();
  if (value === "false" || value === "0") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value) <= MAX_HOPS ? Number(value) : undefined;
  const entries = value.split(",").map((entry) => entry.trim());
  return entries.every(isProxyEntry) ? entries : undefined;
}

/**
 * Fastify's form of the setting. Fastify refuses to count hops itself (a number trusts nothing),
 * so hops become a function: the first `hops` addresses, starting from the connection's own, are
 * proxies.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== "number") return setting;
  return (_address, hop) => hop < setting;
}

/** `TANDEM_TRUST_PROXY`, validated at start-up like every other variable. */
export const trustProxySetting = z.string().transform((raw, ctx): TrustProxy => {
  const parsed = parseTrustProxy(raw);
  if (parsed === undefined) {
    ctx.addIssue({ code: "custom", message: HELP });
    return z.NEVER;
  }
  return parsed;
});
