// One signed POST to a receiver: a bounded wait, no redirects followed, and only a short
// excerpt of whatever the receiver answers is kept. In production the connection goes only to an
// address the safety check accepted at that moment: the name is resolved once, every address it
// gives is checked, and the socket connects to one of those (a name re-pointed at a private
// address between the check and the request — DNS rebinding — reaches nothing).
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { isPrivateAddress, systemResolver, type Resolver } from "./url-safety";

export type WebhookRequest = { url: string; headers: Record<string, string>; body: string; timeoutMs: number };
export type WebhookResponse = { status: number; excerpt: string };
export type WebhookSender = (req: WebhookRequest) => Promise<WebhookResponse>;

export const RESPONSE_EXCERPT_CHARS = 200;

export class RefusedAddressError extends Error {
  readonly code = "ECG_REFUSED_ADDRESS";
  constructor(host: string) {
    super(`${host} resolves to a private, loopback or link-local address`);
    this.name = "RefusedAddressError";
  }
}

/** A `lookup` for sockets that resolves with `resolve` and gives only addresses that pass the check. */
export function checkedLookup(resolve: Resolver, o: { production: boolean }): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), "", 0);
          return;
        }
        if (o.production && addresses.some(isPrivateAddress)) {
          callback(new RefusedAddressError(hostname), "", 0);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => a.family !== 0 && (wanted === 0 || a.family === wanted));
        if (usable.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "", 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}

function readExcerpt(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      res.destroy();
      resolve(Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT_CHARS));
    };
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= RESPONSE_EXCERPT_CHARS * 4) done();
    });
    res.on("end", done);
    res.on("error", done);
    res.on("close", done);
  });
}

/** Sends over node:http(s), connecting only where `checkedLookup` allows (in production). */
export function pinnedSender(o: { production: boolean; resolve?: Resolver }): WebhookSender {
  const lookup = checkedLookup(o.resolve ?? systemResolver, o);
  return (req) =>
    new Promise<WebhookResponse>((resolve, reject) => {
      const url = new URL(req.url);
      const body = Buffer.from(req.body, "utf8");
      const client = url.protocol === "https:" ? https : http;
      const request = client.request(
        url,
        {
          method: "POST",
          headers: { ...req.headers, "content-length": String(body.byteLength) },
          // A literal address needs no lookup; a name is resolved and checked here, once.
          ...(isIP(url.hostname.replace(/^\[|\]$/g, "")) ? {} : { lookup }),
          signal: AbortSignal.timeout(req.timeoutMs),
          agent: false,
        },
        (res) => {
          readExcerpt(res).then((excerpt) => resolve({ status: res.statusCode ?? 0, excerpt }), reject);
        },
      );
      request.on("error", (e: Error) =>
        reject(e.name === "AbortError" ? Object.assign(new Error("Timed out"), { name: "TimeoutError" }) : e),
      );
      request.end(body);
    });
}
