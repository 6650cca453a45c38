// The client's address, for the audit trail and for limits by address. `X-Forwarded-For` is
// written by whoever sends the request, so it is believed only as far as it was appended by
// proxies this deployment trusts (`TRUSTED_PROXIES`): starting from the peer that connected to
// the server, each trusted hop's claim about the one before it is accepted, right to left, and
// the first address that is not a trusted proxy is the client. With no trusted proxies, the
// connecting peer is the client and the header is ignored.
import net from "node:net";

export type TrustedProxies = { has(address: string): boolean; readonly size: number };

/** The header the production server sets from the socket (and strips from what clients send). */
export const CLIENT_ADDRESS_HEADER = "x-cg-client-address";

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`; null when not an IP. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies append the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const zone = value.indexOf("%");
  if (zone > 0) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  return net.isIP(value) ? value.toLowerCase() : null;
}

/**
 * Parses `TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges (`10.0.0.0/8`,
 * `2001:db8::/32`, `127.0.0.1`). Throws with the offending entry when one is not valid.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let size = 0;
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits, extra] = entry.split("/");
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !/^\d{1,3}$/.test(bits)) ||
      Number(bits ?? max) > max
    ) {
      throw new Error(`not an IP address or CIDR range: "${entry}"`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
    size++;
  }
  return {
    size,
    has(address) {
      const ip = normalizeAddress(address);
      if (!ip) return false;
      return list.check(ip, net.isIP(ip) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the connecting peer unless it is a trusted proxy, in which case the
 * forwarded chain is walked from the right, skipping trusted hops. A malformed entry stops the
 * walk at the last address known to be real.
 */
export function clientAddress(args: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): string | null {
  let client = normalizeAddress(args.peer);
  if (!client || args.trusted.size === 0 || !args.forwardedFor) return client;
  const hops = args.forwardedFor.split(",").map((h) => h.trim());
  while (client && args.trusted.has(client) && hops.length > 0) {
    const previous = normalizeAddress(hops.pop());
    if (!previous) break;
    client = previous;
  }
  return client;
}
