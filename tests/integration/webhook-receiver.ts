// A real HTTP receiver for webhook tests: verifies each request with the standardwebhooks
// library and processes each `webhook-id` once, as an integrator's receiver should. Its answer
// can be switched to failures, a lost response (processed, then 500), or the server stopped.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceiverMode = "ok" | "fail" | "processThenFail";

export async function startReceiver() {
  const state = {
    secret: "",
    mode: "ok" as ReceiverMode,
    received: [] as string[],
    processed: new Map<string, unknown>(),
    rejected: 0,
  };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"]),
        "webhook-timestamp": String(req.headers["webhook-timestamp"]),
        "webhook-signature": String(req.headers["webhook-signature"]),
      };
      let payload: unknown;
      try {
        payload = new Webhook(state.secret).verify(body, headers);
      } catch {
        state.rejected++;
        res.writeHead(400).end("bad signature");
        return;
      }
      const id = headers["webhook-id"];
      state.received.push(id);
      if (state.mode === "fail") {
        res.writeHead(500).end("receiver unavailable");
        return;
      }
      // Exactly once: an id already processed is acknowledged, not processed again.
      if (!state.processed.has(id)) state.processed.set(id, payload);
      res.writeHead(state.mode === "processThenFail" ? 500 : 204).end();
    });
  };
  let server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    state,
    url: `http://127.0.0.1:${port}/hooks/common-ground`,
    stop,
    /** Down: nothing listens on the port. */
    async goDown() {
      server.closeAllConnections();
      await stop();
    },
    async comeBack() {
      server = http.createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
  };
}
