import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** The first 96 bits of an IPv4-compatible IPv6 address (`::127.0.0.1`): all zero. */
const isIpv4Compatible = (address: ipaddr.IPv6) => address.parts.slice(0, 6).every((part) => part === 0);

/**
 * Whether an outbound request may connect to `address`: only public unicast addresses. ipaddr.js
 * names every special range (private, loopback, link-local, CGNAT 100.64/10, multicast,
 * unspecified, reserved, unique-local…); an IPv4-mapped address is judged as the IPv4 address it
 * maps. IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo forms
 * embed an IPv4 address that some stacks or gateways reach: they are refused whatever they embed,
 * as request-filtering-agent refuses every non-unicast range too. Anything unreadable is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
    if (isIpv4Compatible(v6)) return false;
  }
  return parsed.range() === "unicast";
}
