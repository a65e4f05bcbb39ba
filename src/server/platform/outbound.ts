import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { isPublicAddress } from "./public-address";

export type OutboundFailure = "bad_url" | "refused" | "timeout" | "too_large" | "http_status" | "network";

/** Why an outbound request failed; `message` is safe to show (it never holds the URL's path or query). */
export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export interface OutboundOptions {
  /** Instance configuration only (TANDEM_ALLOW_PRIVATE_URLS), never an organisation setting. */
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  accept?: string;
}

/**
 * GETs a URL as text: unless `allowPrivate`, an address that is not public unicast (see
 * `isPublicAddress`) — written as a literal in any form the URL parser accepts (`0x7f.1`,
 * `2130706433`, `[::ffff:127.0.0.1]`, `[::127.0.0.1]`) or reached by DNS resolution — is refused
 * before any connection is opened, by our check and again by request-filtering-agent's. Redirects
 * are followed through the same check; size and time are bounded. `webcal:` is read as `https:`.
 */
export async function fetchText(rawUrl: string, options: OutboundOptions): Promise<string> {
  return (await fetchBytes(rawUrl, options)).toString("utf8");
}

/** {@link fetchText}'s answer as the bytes received (a calendar is decoded by the thread that reads it). */
export async function fetchBytes(rawUrl: string, options: OutboundOptions): Promise<Buffer> {
  let url = parseUrl(rawUrl);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  for (let redirects = 0; ; redirects++) {
    const response = await request(url, options, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (redirects >= (options.maxRedirects ?? 3)) {
        throw new OutboundError("http_status", `${url.host} redirected too many times`);
      }
      url = parseUrl(new URL(location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new OutboundError("http_status", `${url.host} answered HTTP ${status}`);
    }
    return readBody(response, url, options.maxBytes, deadline);
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("bad_url", "not a URL");
  }
  if (url.protocol === "webcal:") url = new URL(`https:${raw.slice(raw.indexOf(":") + 1)}`);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundError("bad_url", `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

const refused = (url: URL) =>
  new OutboundError(
    "refused",
    `${url.hostname} is a private, loopback or link-local address; this instance does not fetch from those`,
  );

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, refusing a name that resolves to any address that is not public. */
function publicLookup(url: URL) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!addresses.every((a) => isPublicAddress(a.address))) return callback(refused(url), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

/** What a request sends besides the URL: a GET with an Accept header, or a POST with a body. */
interface Sending {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

function request(
  url: URL,
  options: Pick<OutboundOptions, "allowPrivate" | "accept">,
  signal: AbortSignal,
  sending: Sending = {
    method: "GET",
    headers: { accept: options.accept ?? "*/*", "user-agent": "Tandem (calendar sync)" },
  },
): Promise<http.IncomingMessage> {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && isIP(literal) !== 0 && !isPublicAddress(literal)) {
    return Promise.reject(refused(url));
  }
  const filter = { allowPrivateIPAddress: options.allowPrivate, allowMetaIPAddress: false, keepAlive: false };
  const secure = url.protocol === "https:";
  const agent = secure ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      {
        agent,
        signal,
        method: sending.method,
        ...(options.allowPrivate ? {} : { lookup: publicLookup(url) }),
        headers: sending.headers,
      },
      resolve,
    );
    req.on("error", (err) => reject(describe(err, url, signal)));
    req.end(sending.body);
  });
}

/**
 * POSTs `body` to a URL through the same guard as `fetchText` (webhooks) and answers the status.
 * Redirects are not followed (a 3xx is an answer like any other), and the response is drained
 * unread. Throws an `OutboundError` when there is no answer: refused, timeout or network.
 */
export async function postText(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: Pick<OutboundOptions, "allowPrivate" | "timeoutMs">,
): Promise<number> {
  const url = parseUrl(rawUrl);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const response = await request(url, options, deadline, {
    method: "POST",
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    body,
  });
  response.resume();
  return response.statusCode ?? 0;
}

/**
 * Checks ahead of time (when an address is saved) that `fetchText`/`postText` would not refuse
 * it as private: a literal address, or every address its name resolves to now. A name that does
 * not resolve passes — each request checks again, and DNS may change anyway.
 */
export async function assertPublicUrl(rawUrl: string, allowPrivate: boolean): Promise<void> {
  const url = parseUrl(rawUrl);
  if (allowPrivate) return;
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) !== 0) {
    if (!isPublicAddress(literal)) throw refused(url);
    return;
  }
  const addresses = await dns.promises.lookup(literal, { all: true }).catch(() => []);
  if (!addresses.every((a) => isPublicAddress(a.address))) throw refused(url);
}

function describe(err: Error, url: URL, signal: AbortSignal): OutboundError {
  if (err instanceof OutboundError) return err;
  if (signal.aborted) return new OutboundError("timeout", `${url.host} did not answer in time`);
  if (/is not allowed/.test(err.message)) return refused(url);
  return new OutboundError(
    "network",
    `could not reach ${url.host}: ${(err as { code?: string }).code ?? err.message}`,
  );
}

function readBody(
  response: http.IncomingMessage,
  url: URL,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () => new OutboundError("too_large", `${url.host} sent more than ${maxBytes} bytes`);
  if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    response.on("error", (err) => reject(describe(err, url, signal)));
    response.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
