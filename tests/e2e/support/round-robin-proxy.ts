// A small load balancer for the multi-instance spec, standing where an agency's reverse proxy would
// (docs/DEPLOY.md): it takes HTTP on one loopback port and hands each request to the next app
// instance in turn (round-robin per request, over kept-alive connections to each), streaming bodies
// both ways so the live event stream passes through as it comes. It adds X-Forwarded-For as a
// trusted proxy does, and `x-instance` (the instance's name) to every answer, and records which
// instance served what, and every line of every event stream, so a spec can show the requests were
// spread. A request may be pinned: `x-test-instance: <name>` (dropped before forwarding) or a
// routing rule (`pin`) sends it to one instance.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Upstream = { name: string; port: number };

export type Served = { instance: string; method: string; path: string; status: number | null };

export type StreamLine = { instance: string; path: string; line: string };

export type RoundRobinProxy = {
  url: string;
  served: Served[];
  /** Every non-empty line of every text/event-stream answer, with the instance that sent it. */
  streamed: StreamLine[];
  setUpstreams(upstreams: Upstream[]): void;
  /** Sends requests `rule` names an instance for to that instance (null: round-robin as usual). */
  pin(rule: ((req: http.IncomingMessage) => string | null) | null): void;
  close(): Promise<void>;
};

export const PIN_HEADER = "x-test-instance";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

function forwardedHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === PIN_HEADER) continue;
    headers[name] = value;
  }
  const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const prior = req.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = prior ? `${String(prior)}, ${peer}` : peer;
  headers["x-forwarded-proto"] = "http";
  return headers;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let upstreams: (Upstream & { agent: http.Agent })[] = [];
  let rule: ((req: http.IncomingMessage) => string | null) | null = null;
  let next = 0;
  const served: Served[] = [];
  const streamed: StreamLine[] = [];

  function choose(req: http.IncomingMessage) {
    const pinned = req.headers[PIN_HEADER] ?? rule?.(req) ?? null;
    if (pinned) return upstreams.find((u) => u.name === pinned);
    return upstreams[next++ % upstreams.length];
  }

  const server = http.createServer((req, res) => {
    const upstream = upstreams.length ? choose(req) : undefined;
    if (!upstream) {
      res.writeHead(503, { "content-type": "text/plain" }).end("no such instance");
      return;
    }
    const path = req.url ?? "/";
    const entry: Served = { instance: upstream.name, method: req.method ?? "GET", path, status: null };
    served.push(entry);
    const forward = http.request({
      host: "127.0.0.1",
      port: upstream.port,
      method: req.method,
      path,
      headers: forwardedHeaders(req),
      agent: upstream.agent,
    });
    forward.on("response", (answer) => {
      entry.status = answer.statusCode ?? null;
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      headers["x-instance"] = upstream.name;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      if (String(answer.headers["content-type"] ?? "").startsWith("text/event-stream")) {
        let partial = "";
        answer.on("data", (chunk: Buffer) => {
          const lines = (partial + chunk.toString("utf8")).split("\n");
          partial = lines.pop() ?? "";
          for (const line of lines) if (line.trim()) streamed.push({ instance: upstream.name, path, line });
        });
      }
      answer.pipe(res);
    });
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("upstream failed");
      else res.destroy();
    });
    // A client that leaves (a page closing its event stream) ends the upstream request too.
    res.on("close", () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    served,
    streamed,
    setUpstreams(list) {
      for (const u of upstreams) u.agent.destroy();
      upstreams = list.map((u) => ({ ...u, agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) }));
    },
    pin(r) {
      rule = r;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const u of upstreams) u.agent.destroy();
      await closed;
    },
  };
}
