import { describe, expect, it } from "vitest";
import { fetchText, OutboundError } from "./outbound";
import { isPublicAddress } from "./public-address";

const LIMITS = { allowPrivate: false, maxBytes: 1024, timeoutMs: 2000 };

/** Every way of writing a private, loopback, link-local or otherwise special address in a URL. */
const PRIVATE_HOSTS = [
  "127.0.0.1",
  "2130706433", // 127.0.0.1 as one number
  "0x7f000001",
  "017700000001",
  "0x7f.1",
  "127.1",
  "0.0.0.0",
  "0",
  "10.0.0.1",
  "172.16.0.1",
  "192.168.1.1",
  "169.254.169.254", // cloud metadata
  "100.64.0.1", // CGNAT
  "224.0.0.1", // multicast
  "255.255.255.255",
  "[::]",
  "[::1]",
  "[::127.0.0.1]", // IPv4-compatible
  "[::7f00:1]",
  "[::8.8.8.8]", // IPv4-compatible, whatever it embeds
  "[::ffff:127.0.0.1]", // IPv4-mapped
  "[::ffff:7f00:1]",
  "[::ffff:10.0.0.1]",
  "[::ffff:169.254.169.254]",
  "[64:ff9b::7f00:1]", // NAT64
  "[64:ff9b::127.0.0.1]",
  "[64:ff9b:1::a00:1]",
  "[2002:7f00:1::]", // 6to4
  "[2001:0:4136:e378:8000:63bf:80ff:fffe]", // Teredo
  "[fe80::1]",
  "[fc00::1]",
  "[fd12:3456::1]",
  "[fec0::1]",
  "[ff02::1]",
  "localhost", // resolved, then refused
];

describe("outbound URL filter", () => {
  it.each(PRIVATE_HOSTS)("refuses http://%s before connecting", async (host) => {
    const attempt = fetchText(`http://${host}:9/calendar.ics`, LIMITS);
    await expect(attempt).rejects.toSatisfy(
      (err) =>
        err instanceof OutboundError && err.reason === "refused" && /private, loopback/.test(err.message),
    );
  });

  it("judges addresses: public unicast only, an IPv4-mapped one by the IPv4 address it maps", () => {
    const verdicts = Object.fromEntries(
      [
        "8.8.8.8",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
        "::ffff:127.0.0.1",
        "64:ff9b::808:808",
        "::",
        "nonsense",
      ].map((address) => [address, isPublicAddress(address)]),
    );
    expect(verdicts).toEqual({
      "8.8.8.8": true,
      "2606:4700::1111": true,
      "::ffff:8.8.8.8": true,
      "::ffff:127.0.0.1": false,
      "64:ff9b::808:808": false,
      "::": false,
      nonsense: false,
    });
  });
});
