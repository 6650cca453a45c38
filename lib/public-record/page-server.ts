// The public record's pages and files, answered from memory by the production server: a surge of
// readers (a news story) neither renders React nor reads the database. The first view of a page
// (per language) after a publication is rendered by Next.js as usual and its answer kept; every
// process forgets them all when the public record changes (lib/public-record/public-cache.ts).
//
// What makes a kept answer right for the next reader:
// - Only signed-out views: a session (any session cookie) goes to Next.js, which may show the
//   person's own language and time zone.
// - The render sees nothing of the reader but the page's address and the language: the address is
//   reduced to its path (and ?v= on a document), the language is decided here (?lang=, the
//   cg_locale cookie, Accept-Language) and given as the only cookie. The key is host, language and
//   that address, so nothing a reader adds to an address makes a new entry.
// - The Content-Security-Policy nonce stays per response: the kept body is split at the nonce its
//   render had, and each answer joins it with a fresh one.
// - Only 200 and 404 answers without a cookie of their own are kept, 404s in a cache of their own.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { answerTooMany } from "../http/too-many";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "../i18n/locales";
import type { MemoryLimiter } from "../rate-limit/memory";
import type { PublicCache } from "./public-cache";

export type KeptAnswer = {
  status: 200 | 404;
  headers: Record<string, string | string[]>;
  /** The body, split where the render's nonce stood. */
  parts: Buffer[];
  /** The parts' total length. */
  length: number;
  /** The Content-Security-Policy header, split likewise. */
  policy: string[] | null;
  etag: string;
  html: boolean;
};

type Plan = { key: string; path: string; locale: Locale; setLocale: Locale | null; head: boolean };

const PREFIX = "/transparency";
const MAX_URL = 512;
const LOCALE_COOKIE = "cg_locale";
/** Headers of a render that are the render's own, not the page's. */
const DROPPED = new Set([
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "content-security-policy",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/;\s*/)) if (part.startsWith(`${name}=`)) return part.slice(name.length + 1);
  return undefined;
}

/** What a request asks of the kept answers; null when it is not for them (Next.js serves it). */
export function planOf(req: IncomingMessage): Plan | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const raw = req.url ?? "";
  if (raw.length > MAX_URL || !(raw === PREFIX || raw.startsWith(`${PREFIX}/`) || raw.startsWith(`${PREFIX}?`)))
    return null;
  // Client-side navigation and server actions carry their own state: Next.js answers them.
  if (req.headers.rsc || req.headers["next-action"] || req.headers["next-router-prefetch"]) return null;
  const cookies = req.headers.cookie;
  if (cookies?.includes("next-auth.session-token")) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://x");
  } catch {
    return null;
  }
  if (url.searchParams.has("_rsc")) return null;
  const lang = url.searchParams.get("lang");
  const setLocale = isLocale(lang) ? lang : null;
  const fromCookie = cookieValue(cookies, LOCALE_COOKIE);
  const accept = req.headers["accept-language"];
  const locale: Locale =
    setLocale ?? (isLocale(fromCookie) ? fromCookie : accept ? localeFromAcceptLanguage(accept) : DEFAULT_LOCALE);
  const v = url.searchParams.get("v");
  const path = url.pathname + (v && /^[1-9]\d{0,3}$/.test(v) && url.pathname.includes("/documents/") ? `?v=${v}` : "");
  const host = (req.headers.host ?? "").slice(0, 200);
  return { key: `${host}\n${locale}\n${path}`, path, locale, setLocale, head: req.method === "HEAD" };
}

function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; HttpOnly; SameSite=lax${secure ? "; Secure" : ""}`;
}

function headerText(v: unknown): string | string[] {
  return Array.isArray(v) ? v.map(String) : String(v);
}

/** The kept form of a finished render; null when it may not be kept. */
export function keptAnswer(status: number, headers: OutgoingHttpHeaders, body: Buffer): KeptAnswer | null {
  if (status !== 200 && status !== 404) return null;
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const policyHeader = headers["content-security-policy"];
  const policyText = typeof policyHeader === "string" ? policyHeader : null;
  const nonce = policyText ? /'nonce-([^']+)'/.exec(policyText)?.[1] : undefined;
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !DROPPED.has(name.toLowerCase())) kept[name.toLowerCase()] = headerText(value);
  // Kept answers change only on publication, when every process forgets them: a browser or a
  // shared cache keeps a copy but asks again each time (a 304 from memory), so the next view after
  // a publication shows it. Files that say they may be kept longer (frozen reports) keep saying so.
  const cacheControl = kept["cache-control"];
  kept["cache-control"] =
    typeof cacheControl === "string" && cacheControl.startsWith("public") ? cacheControl : "no-cache";
  const parts: Buffer[] = [];
  if (nonce) {
    const needle = Buffer.from(nonce);
    let from = 0;
    for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, from)) {
      parts.push(body.subarray(from, at));
      from = at + needle.length;
    }
    parts.push(body.subarray(from));
  } else parts.push(body);
  const hash = createHash("sha256").update(String(status));
  for (const p of parts) hash.update("\0").update(p);
  return {
    status,
    headers: kept,
    parts,
    length: parts.reduce((sum, p) => sum + p.length, 0),
    policy: policyText ? (nonce ? policyText.split(nonce) : [policyText]) : null,
    etag: `W/"${hash.digest("base64url").slice(0, 27)}"`,
    html: String(kept["content-type"] ?? "").startsWith("text/html"),
  };
}

export type PublicPageServer = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
) => Promise<unknown>;

export type PublicPageServerOptions = {
  pages: PublicCache<KeptAnswer>;
  missing: PublicCache<KeptAnswer>;
  /** Per-address limit on every answer (in memory). */
  limiter: MemoryLimiter;
  /** Per-address limit on renders (shared; reads the database). */
  allowRender: (address: string) => Promise<{ allowed: true } | { allowed: false; retryAfterSec: number }>;
  newNonce: () => string;
  secureCookies: boolean;
};

function answer(req: IncomingMessage, res: ServerResponse, a: KeptAnswer, plan: Plan, o: PublicPageServerOptions) {
  const headers: OutgoingHttpHeaders = { ...a.headers, etag: a.etag };
  // The language comes from the cookie or Accept-Language (a shared cache must tell them apart).
  if (a.html) headers.vary = [a.headers.vary, "Cookie, Accept-Language"].filter(Boolean).join(", ");
  if (plan.setLocale) headers["set-cookie"] = localeCookie(plan.setLocale, o.secureCookies);
  if (a.status === 200 && req.headers["if-none-match"]?.split(/\s*,\s*/).includes(a.etag)) {
    // No policy on a 304: the browser keeps the one that came with the body it has (same nonce).
    delete headers["content-type"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const nonce = o.newNonce();
  if (a.policy) headers["content-security-policy"] = a.policy.join(nonce);
  const n = Buffer.from(nonce);
  headers["content-length"] = String(a.length + (a.parts.length - 1) * n.length);
  res.writeHead(a.status, headers);
  if (plan.head) return void res.end();
  // The kept parts are written as they are (one write of them all), not copied into one body.
  res.cork();
  a.parts.forEach((p, i) => {
    if (i > 0) res.write(n);
    res.write(p);
  });
  res.end();
}

/** Tees what Next.js writes, and resolves with it once the answer is complete (null if cut short). */
function capture(res: ServerResponse): Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer } | null> {
  const chunks: Buffer[] = [];
  let headFields: OutgoingHttpHeaders = {};
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array),
    );
  };
  res.writeHead = ((...args: unknown[]) => {
    const fields = args.find((a, i) => i > 0 && a && typeof a === "object");
    if (fields && !Array.isArray(fields)) headFields = { ...(fields as OutgoingHttpHeaders) };
    return writeHead(...args);
  }) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  return new Promise((resolve) => {
    res.once("finish", () => {
      const headers: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries({ ...res.getHeaders(), ...headFields })) headers[k.toLowerCase()] = v;
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
    });
    res.once("close", () => resolve(null));
  });
}

export function createPublicPageServer(o: PublicPageServerOptions): PublicPageServer {
  const rendering = new Map<string, { generation: number; done: Promise<KeptAnswer | null> }>();

  return async (req, res, next) => {
    const plan = planOf(req);
    if (!plan) return next(req, res);
    const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? req.socket.remoteAddress ?? "unknown");
    const verdict = o.limiter.consume(address);
    if (!verdict.allowed) return answerTooMany(res, verdict.retryAfterSec);

    const kept = o.pages.get(plan.key) ?? o.missing.get(plan.key);
    if (kept) return answer(req, res, kept, plan, o);
    const generation = o.pages.generation();
    // No confirmed LISTEN connection: nothing may be answered from memory; Next.js serves it.
    if (generation === null || plan.head) return next(req, res);

    const under = rendering.get(plan.key);
    if (under && under.generation === generation) {
      const a = await under.done;
      return a ? answer(req, res, a, plan, o) : next(req, res);
    }
    const allowed = await o.allowRender(address);
    if (!allowed.allowed) return answerTooMany(res, allowed.retryAfterSec);

    // The render sees the page's address and the language, nothing else of this reader.
    req.url = plan.path;
    req.headers.cookie = `${LOCALE_COOKIE}=${plan.locale}`;
    for (const h of ["accept-language", "accept-encoding", "if-none-match", "if-modified-since", "range"])
      delete req.headers[h];
    const ours = plan.setLocale ? localeCookie(plan.setLocale, o.secureCookies) : undefined;
    if (ours) res.setHeader("set-cookie", ours);
    const captured = capture(res);
    const done = captured.then((c) => {
      if (!c) return null;
      // The language cookie is this reader's; any other cookie makes the answer not keepable.
      const headers = { ...c.headers };
      if (ours && headers["set-cookie"] === ours) delete headers["set-cookie"];
      const a = keptAnswer(c.status, headers, c.body);
      if (a) (a.status === 200 ? o.pages : o.missing).remember(plan.key, a, generation);
      return a;
    });
    const entry = { generation, done };
    rendering.set(plan.key, entry);
    void done.finally(() => {
      if (rendering.get(plan.key) === entry) rendering.delete(plan.key);
    });
    return next(req, res);
  };
}

/** This process's server of kept answers: on the process-wide LISTEN connection and limits. */
export async function processPublicPageServer(): Promise<PublicPageServer> {
  const [{ processPublicCache }, { createMemoryLimiter }, { consume }, { db }, { newNonce }, { secureCookies }] =
    await Promise.all([
      import("./public-cache"),
      import("../rate-limit/memory"),
      import("../rate-limit/limiter"),
      import("../db/client"),
      import("../http/security-headers"),
      import("../auth/cookie"),
    ]);
  return createPublicPageServer({
    // Pages and files of every participating agency, in two languages: a few hundred at most.
    pages: processPublicCache<KeptAnswer>("public-record-pages", 2_000),
    missing: processPublicCache<KeptAnswer>("public-record-missing", 500),
    limiter: createMemoryLimiter("publicPageAddress"),
    allowRender: async (address) => {
      try {
        return await consume(db(), "publicRenderAddress", `ip:${address}`);
      } catch {
        return { allowed: true }; // the render reads the same database and answers for itself
      }
    },
    newNonce,
    secureCookies: secureCookies(),
  });
}
