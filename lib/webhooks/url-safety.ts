// Where a webhook may be sent. HTTPS only (plain http to this machine outside production, for a
// receiver under development), and in production never to a private, loopback or link-local
// address: the server must not become a way into the network it runs in (SSRF). Checked when the
// endpoint is saved and again before every request, since a name can be re-pointed.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export type UrlRefusal = "invalid" | "scheme" | "credentials" | "private" | "unresolvable";
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The URL's shape alone: scheme, credentials, a literal private address in production. */
export function checkWebhookUrlShape(raw: string, o: { production: boolean }): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "credentials";
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") {
    if (o.production || !LOCAL_HOSTS.has(host)) return "scheme";
    return null;
  }
  if (url.protocol !== "https:") return "scheme";
  if (!o.production) return null;
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  if (isIP(bare)) return isPrivateAddress(bare) ? "private" : null;
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal"))
    return "private";
  return null;
}

/** Shape, then (in production) every address the name resolves to. */
export async function checkWebhookUrl(
  raw: string,
  o: { production: boolean; resolve?: Resolver },
): Promise<UrlRefusal | null> {
  const shape = checkWebhookUrlShape(raw, o);
  if (shape || !o.production) return shape;
  const host = new URL(raw).hostname;
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  if (isIP(bare)) return null;
  let addresses: string[];
  try {
    addresses = await (o.resolve ?? systemResolver)(bare);
  } catch {
    return "unresolvable";
  }
  if (addresses.length === 0) return "unresolvable";
  return addresses.some(isPrivateAddress) ? "private" : null;
}
