// A simulated person's browser, as far as the server can tell: its own keep-alive connections
// (six, as browsers keep per host), a cookie jar, full-document GETs of pages, server-action POSTs
// as Next's client sends them, and an EventSource-like live-event stream. Small and cheap: the
// load generator shares the two vCPUs with the server and PostgreSQL.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { reconnectDelayMs } from "@/lib/realtime/event-stream";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/** A request the server never answered: refused, reset, or cut off mid-answer. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** When the request was sent (performance.now()). */
    readonly startedAt: number,
  ) {
    super(message);
  }
}

export class Browser {
  readonly cookies = new Map<string, string>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  private readonly url: URL;

  constructor(readonly baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(headers: http.IncomingHttpHeaders) {
    for (const c of headers["set-cookie"] ?? []) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
    const startedAt = performance.now();
    return new Promise((resolve, reject) => {
      const fail = (e: NodeJS.ErrnoException) => reject(new TransportError(e.message, e.code ?? "ERROR", startedAt));
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          headers: {
            "User-Agent": "cg-bench-load",
            "Accept-Language": "en-US,en;q=0.9",
            ...(this.cookies.size ? { Cookie: this.cookieHeader() } : {}),
            ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            this.keepCookies(res.headers);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - startedAt,
            });
          });
          res.on("error", fail);
          res.on("aborted", () => fail(Object.assign(new Error("answer cut off"), { code: "ECONNRESET" })));
        },
      );
      // A person gives up on a page after a minute (a browser itself waits longer).
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      req.on("error", fail);
      req.end(body);
    });
  }

  /** A full HTML document, as typing the address or following a link loads it. */
  page(path: string): Promise<Reply> {
    return this.request("GET", path, {
      Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "Sec-Fetch-Mode": "navigate",
      "Sec-Fetch-Dest": "document",
    });
  }

  /**
   * A server action, as Next's client calls one: POST to the page it runs on, the action's id in
   * `Next-Action`, the arguments encoded as React does for plain JSON values (a JSON array; a
   * string beginning with `$` escaped as `$$`). Returns the action's return value.
   */
  async action<T>(page: string, actionId: string, args: unknown[]): Promise<{ reply: Reply; result: T | undefined }> {
    const body = JSON.stringify(args, (_k, v: unknown) => (typeof v === "string" && v.startsWith("$") ? `$${v}` : v));
    const reply = await this.request(
      "POST",
      page,
      {
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        "Next-Action": actionId,
        Origin: this.baseUrl,
      },
      body,
    );
    return { reply, result: reply.status === 200 ? actionResult<T>(reply.body) : undefined };
  }

  /** `router.refresh()`: the page's server components again, as a flight (RSC) payload. */
  refresh(path: string): Promise<Reply> {
    return this.request("GET", path, { Accept: "*/*", RSC: "1" });
  }

  close() {
    this.agent.destroy();
  }
}

/** The action's return value: row 1 of the flight payload (row 0 is the envelope pointing at it). */
export function actionResult<T>(flight: string): T | undefined {
  for (const line of flight.split("\n")) {
    const m = /^1:(.*)$/.exec(line);
    if (m) {
      try {
        return JSON.parse(m[1]) as T;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type LiveStream = { close(): void };

/**
 * An EventSource on /api/events: calls `onEvent` with each event and when it arrived, and
 * reconnects as the browser does (after the server's `retry`: 3–6 s) when the stream ends or drops.
 */
export function openLiveStream(
  browser: Browser,
  onEvent: (e: { type: string; id?: string }, at: number) => void,
  onState: (state: "open" | "down") => void = () => {},
): LiveStream {
  const url = new URL("/api/events", browser.baseUrl);
  let closed = false;
  let req: http.ClientRequest | null = null;
  let timer: NodeJS.Timeout | null = null;
  const retry = () => {
    onState("down");
    if (!closed) timer = setTimeout(connect, reconnectDelayMs());
  };
  const connect = () => {
    let ended = false;
    const again = () => {
      if (ended) return;
      ended = true;
      retry();
    };
    // Its own connection, as a browser's EventSource holds one for as long as the page is open.
    req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        agent: false,
        headers: { Accept: "text/event-stream", Cookie: browser.cookieHeader(), "Cache-Control": "no-cache" },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          res.on("end", again);
          return;
        }
        onState("open");
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of frame.split("\n")) {
              if (!line.startsWith("data: ")) continue;
              try {
                onEvent(JSON.parse(line.slice(6)) as { type: string; id?: string }, at);
              } catch {
                // not one of ours
              }
            }
          }
        });
        res.on("end", again);
        res.on("error", again);
        res.on("aborted", again);
      },
    );
    req.on("error", again);
  };
  connect();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      req?.destroy();
    },
  };
}
