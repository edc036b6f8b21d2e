import ipaddr from "ipaddr.js";

// Decides whether an IP address is one Framewise may fetch from. Only ordinary public
// unicast addresses pass: everything private, local, shared, multicast, reserved or
// special-purpose is refused, including IPv6 forms that embed such an IPv4 address.
// An allowlist ("unicast" only) rather than a blocklist, so a range ipaddr.js learns
// about later is refused until someone decides otherwise.

export type AddressCheck =
  | { isPublic: true; address: string }
  | { isPublic: false; address: string; range: string; description: string };

const rangeDescriptions: Record<string, string> = {
  private: "a private network",
  uniqueLocal: "a private network",
  loopback: "this server itself (loopback)",
  linkLocal: "a link-local address, where cloud metadata services live",
  carrierGradeNat: "a shared carrier-grade NAT network",
  multicast: "a multicast group",
  broadcast: "the broadcast address",
  unspecified: "an unspecified address",
  invalid: "something that is not a valid IP address",
};

const specialPurpose = "a reserved or special-purpose range";

const nat64Prefix = ipaddr.IPv6.parse("64:ff9b::");

export function checkAddress(address: string): AddressCheck {
  const text = address.replace(/^\[|\]$/g, "");

  if (!ipaddr.isValid(text)) {
    return refuse(address, "invalid");
  }

  const parsed = ipaddr.parse(text);

  if (parsed.kind() === "ipv4") {
    const range = parsed.range();
    return range === "unicast" ? { isPublic: true, address: text } : refuse(text, range);
  }

  const ipv6 = parsed as ipaddr.IPv6;
  const range = ipv6.range();

  // ::ffff:a.b.c.d reaches the IPv4 address itself; judge that address.
  if (range === "ipv4Mapped") {
    const inner = checkAddress(ipv6.toIPv4Address().toString());
    return inner.isPublic ? inner : { ...inner, address: text };
  }

  // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits; on an IPv6-only
  // host with DNS64 every public site resolves there, so judge the embedded address.
  if (range === "rfc6052" && ipv6.match(nat64Prefix, 96)) {
    const inner = checkAddress(embeddedIPv4(ipv6).toString());
    return inner.isPublic ? { isPublic: true, address: text } : { ...inner, address: text };
  }

  // ::/96 holds the unspecified and loopback addresses and the deprecated
  // IPv4-compatible form (::a.b.c.d); ipaddr.js calls the latter "unicast".
  if (ipv6.parts.slice(0, 6).every((part) => part === 0)) {
    return range === "unicast" ? refuse(text, "reserved") : refuse(text, range);
  }

  return range === "unicast" ? { isPublic: true, address: text } : refuse(text, range);
}

export function isPublicAddress(address: string): boolean {
  return checkAddress(address).isPublic;
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const high = address.parts[6] ?? 0;
  const low = address.parts[7] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function refuse(address: string, range: string): AddressCheck {
  return {
    isPublic: false,
    address,
    range,
    description: rangeDescriptions[range] ?? specialPurpose,
  };
}
