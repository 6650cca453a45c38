import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { keptAnswer, planOf } from "./page-server";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  ({ url, method, headers: { host: "example.org", ...headers } }) as unknown as IncomingMessage;

describe("which requests the kept public answers serve", () => {
  it("only signed-out page and file views under /transparency", () => {
    expect(planOf(req("/transparency"))).not.toBeNull();
    expect(planOf(req("/transparency/x/reports/2026-Q1.csv"))).not.toBeNull();
    expect(planOf(req("/transparencyx"))).toBeNull();
    expect(planOf(req("/inbox"))).toBeNull();
    expect(planOf(req("/transparency", {}, "POST"))).toBeNull();
    expect(planOf(req("/transparency", { cookie: "a=1; next-auth.session-token=abc" }))).toBeNull();
    expect(planOf(req("/transparency", { cookie: "__Secure-next-auth.session-token=abc" }))).toBeNull();
    expect(planOf(req("/transparency", { rsc: "1" }))).toBeNull();
    expect(planOf(req("/transparency?_rsc=abc"))).toBeNull();
    expect(planOf(req(`/transparency/${"x".repeat(600)}`))).toBeNull();
  });

  it("keys by host, language and the page's own address: nothing else a reader adds makes a new entry", () => {
    const a = planOf(req("/transparency/dupage?utm_source=news&x=1"))!;
    expect(a.path).toBe("/transparency/dupage");
    expect(a.key).toBe(planOf(req("/transparency/dupage"))!.key);
    expect(planOf(req("/transparency/dupage/documents/p?v=2&y=3"))!.path).toBe("/transparency/dupage/documents/p?v=2");
    expect(planOf(req("/transparency/dupage?v=2"))!.path).toBe("/transparency/dupage");
    expect(planOf(req("/transparency", { host: "other.example" }))!.key).not.toBe(planOf(req("/transparency"))!.key);
  });

  it("decides the language as the pages do: ?lang=, then the cookie, then Accept-Language", () => {
    expect(planOf(req("/transparency"))!.locale).toBe("en");
    expect(planOf(req("/transparency", { "accept-language": "es-MX,es;q=0.9" }))!.locale).toBe("es");
    expect(planOf(req("/transparency", { "accept-language": "es", cookie: "cg_locale=en" }))!.locale).toBe("en");
    const chosen = planOf(req("/transparency?lang=es", { cookie: "cg_locale=en" }))!;
    expect([chosen.locale, chosen.setLocale]).toEqual(["es", "es"]);
    expect(planOf(req("/transparency?lang=fr"))!.setLocale).toBeNull();
  });
});

describe("what is kept of a render", () => {
  it("splits body and policy at the render's nonce, keeps 200s and 404s without cookies", () => {
    const body = Buffer.from('<script nonce="N0nce+/=">a</script><p>N0nce+/=</p>');
    const a = keptAnswer(
      200,
      { "content-security-policy": "script-src 'nonce-N0nce+/='", "content-type": "text/html" },
      body,
    )!;
    expect(a.parts.map(String)).toEqual(['<script nonce="', '">a</script><p>', "</p>"]);
    expect(a.policy).toEqual(["script-src 'nonce-", "'"]);
    expect(a.headers["cache-control"]).toBe("no-cache");
    expect(keptAnswer(500, {}, body)).toBeNull();
    expect(keptAnswer(200, { "set-cookie": "x=1" }, body)).toBeNull();
    expect(keptAnswer(200, { "cache-control": "public, max-age=300" }, body)!.headers["cache-control"]).toBe(
      "public, max-age=300",
    );
  });
});
