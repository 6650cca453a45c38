// The production server's request listener: /api/v1 to its route handlers, everything else to
// Next.js, and, when the portal is reached over https, HSTS on every answer (pages, API, static
// files alike): whether it is https is known only at run time, after the build fixed next.config.
import type { IncomingMessage, ServerResponse } from "node:http";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

type Handler<T> = (req: IncomingMessage, res: ServerResponse) => Promise<T>;

export function createRequestListener(options: {
  handleApi: Handler<boolean>;
  handleNext: Handler<unknown>;
  /** Runs first on every request; true when it has answered it (e.g. refused it with a 429). */
  guard?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Runs on a request Next.js is about to serve (the server pins the client address there). */
  beforeNext?: (req: IncomingMessage) => void;
  https: boolean;
  onError: (err: unknown, req: IncomingMessage) => void;
}) {
  const { handleApi, handleNext, beforeNext, guard, https, onError } = options;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (https) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    if (guard?.(req, res)) return;
    void handleApi(req, res)
      .then((handled) => {
        if (handled) return undefined;
        beforeNext?.(req);
        return handleNext(req, res);
      })
      .catch((err: unknown) => {
        onError(err, req);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  };
}
