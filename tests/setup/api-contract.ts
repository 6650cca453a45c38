// Integration setup: every /api/v1 answer a test gets is checked against the OpenAPI document.
// The handlers are all made by tokenRoute (lib/http/token-route.ts); this wraps it, so a
// handler knows the route file that made it (its path template) and checks each answer it
// gives, whichever way a test calls it (the route module directly, or through the production
// server's fast path). An undocumented status or body makes the call throw, failing the test.
import { vi } from "vitest";

vi.mock("@/lib/http/token-route", async (importOriginal) => {
  const real = (await importOriginal()) as typeof import("@/lib/http/token-route");
  const { checkApiAnswer } = await import("@/tests/integration/helpers/api-contract");
  const { jsonResponseText } = await import("@/lib/http/json-response");
  const { templateOfRouteFile } = await import("@/tests/integration/helpers/route-template");
  const tokenRoute: typeof real.tokenRoute = (scope, handler) => {
    const template = templateOfRouteFile(new Error().stack ?? "");
    const wrapped = real.tokenRoute(scope, handler);
    return async (req, ctx) => {
      const res = await wrapped(req, ctx);
      const body = jsonResponseText(res) ?? (await res.clone().text());
      checkApiAnswer({
        method: req.method,
        template,
        status: res.status,
        contentType: res.headers.get("content-type"),
        body,
      });
      return res;
    };
  };
  return { ...real, tokenRoute };
});
