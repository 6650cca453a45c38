// A notice is visible only to its sender and its recipient: through the API (agency tokens) and
// through the live stream (LISTEN/NOTIFY fan-out), a third agency learns nothing — not even that
// the notice exists. Both parties see the new notice, the acknowledgment and the reply live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { createLiveHub, type LiveHub } from "@/lib/realtime/hub";
import { createPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import type { LiveEvent } from "@/lib/realtime/publish";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { replyToNotice } from "@/lib/notices/reply-to-notice";
import { fileOperation } from "@/lib/operations/file-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { at, filing, seededWorld, T0 } from "./notices-fixtures";

// Response bodies are read loosely here; the assertions pin their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("who can reach a notice", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let routes: Record<string, Record<string, Handler>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    routes = {
      list: await import("@/app/api/v1/notices/route"),
      notice: await import("@/app/api/v1/notices/[id]/route"),
      acknowledge: await import("@/app/api/v1/notices/[id]/acknowledge/route"),
      replies: await import("@/app/api/v1/notices/[id]/replies/route"),
      cap: await import("@/app/api/v1/notices/[id]/cap/route"),
      preview: await import("@/app/api/v1/notices/preview/route"),
    } as unknown as Record<string, Record<string, Handler>>;
    for (const slug of ["ice-ero-chicago", "cook-sheriff", "will-sheriff"]) {
      tokens[slug] = (
        await createApiToken({
          db: db(),
          actor: await w.as(`admin@${slug}.demo`),
          input: { name: "CAD link", scopes: ["read", "file", "conflicts"] },
          now: new Date(),
        })
      ).token;
    }
  });

  async function call(
    route: string,
    method: string,
    slug: string,
    opts: { params?: Record<string, string>; body?: unknown; query?: string } = {},
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[slug]}`, "accept-language": "en" };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const req = new Request(`http://localhost/api/v1/notices${opts.query ?? ""}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const res = await routes[route][method](req, { params: Promise.resolve(opts.params ?? {}) });
    const text = await res.text();
    let body: JsonBody = {};
    try {
      body = text ? (JSON.parse(text) as JsonBody) : {};
    } catch {
      body = { text };
    }
    return { status: res.status, body, text };
  }

  it("through the API: the two agencies read and act; a third gets 404 for everything", async () => {
    // Filed through the API, as an agency's records system would.
    const { operation } = await fileOperation({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: filing(),
      now: T0,
    });
    const notice = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("cook-sheriff") },
    });
    const params = { id: notice.id };

    const inbox = await call("list", "GET", "cook-sheriff", { query: "?box=inbox" });
    expect(inbox.status).toBe(200);
    expect(inbox.body.notices.map((n: JsonBody) => n.id)).toContain(notice.id);
    const sent = await call("list", "GET", "ice-ero-chicago", { query: "?box=sent" });
    expect(
      sent.body.operations.find((o: JsonBody) => o.operationId === operation.id).recipients.length,
    ).toBeGreaterThanOrEqual(3);

    expect((await call("notice", "GET", "cook-sheriff", { params })).body.side).toBe("RECIPIENT");
    expect((await call("notice", "GET", "ice-ero-chicago", { params })).body.side).toBe("SENDER");
    expect(
      (await call("replies", "POST", "cook-sheriff", { params, body: { kind: "REQUEST_DECONFLICTION_CALL" } })).status,
    ).toBe(201);
    expect((await call("acknowledge", "POST", "cook-sheriff", { params })).status).toBe(200);
    const cap = await call("cap", "GET", "ice-ero-chicago", { params });
    expect([cap.status, cap.text.includes("<msgType>Alert</msgType>")]).toEqual([200, true]);

    for (const [route, method, body] of [
      ["notice", "GET"],
      ["acknowledge", "POST"],
      ["replies", "POST", { kind: "CALL_ME" }],
      ["cap", "GET"],
    ] as const) {
      const r = await call(route, method, "will-sheriff", { params, body });
      expect([route, r.status, r.body.error?.code]).toEqual([route, 404, "NOT_FOUND"]);
    }
    expect(
      (await call("list", "GET", "will-sheriff", { query: "?box=inbox" })).body.notices.some(
        (n: JsonBody) => n.id === notice.id,
      ),
    ).toBe(false);
    // The sender cannot acknowledge for the recipient.
    expect((await call("acknowledge", "POST", "ice-ero-chicago", { params })).status).toBe(404);
  });

  it("the API previews who would be notified, and says when a filing would be exigent", async () => {
    // The route reads the server's clock: three hours from now is inside every host's lead time.
    const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const input = {
      area: { kind: "CIRCLE", center: [-87.922, 41.85], radiusM: 600 },
      startsAt: soon(3),
      endsAt: soon(6),
    };
    const r = await call("preview", "POST", "ice-ero-chicago", { body: input });
    expect(r.status).toBe(200);
    const names = r.body.recipients.map((x: JsonBody) => x.name);
    expect(names).toEqual(expect.arrayContaining(["Cook County Sheriff's Office", "DuPage County Sheriff's Office"]));
    expect(r.body.exigentRequired).toBe(true);
    expect(r.body.recipients.every((x: JsonBody) => x.late === true)).toBe(true);
    const bad = await call("preview", "POST", "ice-ero-chicago", { body: { ...input, addedAgencyIds: ["nope"] } });
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([422, "addedAgencyIds.0"]);
  });

  describe("live stream", () => {
    let listener: PgListener;
    let hub: LiveHub;
    beforeAll(async () => {
      listener = createPgListener(t().url);
      hub = createLiveHub(listener);
      await listener.ready();
    });
    afterAll(() => listener.close());

    function collect(slug: string) {
      const seen: { event: LiveEvent }[] = [];
      const unsubscribe = hub.subscribe({ agencyId: w.id(slug), onEvent: (event) => seen.push({ event }) });
      return { seen, unsubscribe };
    }
    async function until(check: () => boolean, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    }

    // How fast it arrives is shown end to end in the browser (tests/e2e/notices.spec.ts); here, that it
    // arrives at all, to whom, and in what order — on a machine that may be busy with other test files.
    it("carries a new notice, its acknowledgment and a reply to both agencies, and nothing to a third", async () => {
      const [cook, ice, will] = [collect("cook-sheriff"), collect("ice-ero-chicago"), collect("will-sheriff")];
      const actor = await w.as("liaison@ice-ero-chicago.demo");
      const { operation } = await fileOperation({ db: db(), actor, input: filing({ title: "Live check" }), now: T0 });
      const notice = await db().notice.findFirstOrThrow({
        where: { operationId: operation.id, recipientAgencyId: w.id("cook-sheriff") },
      });
      await until(
        () => cook.seen.some((s) => s.event.id === notice.id) && ice.seen.some((s) => s.event.id === notice.id),
      );
      expect(cook.seen.find((s) => s.event.id === notice.id)?.event.type).toBe("notice");
      expect(ice.seen.find((s) => s.event.id === notice.id)?.event.type).toBe("notice");

      await acknowledgeNotice({
        db: db(),
        actor: await w.as("chief@cook-sheriff.demo"),
        noticeId: notice.id,
        now: at(0.1),
      });
      await replyToNotice({
        db: db(),
        actor: await w.as("chief@cook-sheriff.demo"),
        noticeId: notice.id,
        input: { kind: "CALL_ME" },
        now: at(0.2),
      });
      await until(() =>
        ["acknowledgment", "reply"].every((type) =>
          ice.seen.some((s) => s.event.type === type && s.event.id === notice.id),
        ),
      );
      expect(ice.seen.filter((s) => s.event.id === notice.id).map((s) => s.event.type)).toEqual([
        "notice",
        "acknowledgment",
        "reply",
      ]);

      // Give stray events time to arrive before concluding none did.
      await new Promise((r) => setTimeout(r, 200));
      expect(will.seen).toEqual([]);
      for (const c of [cook, ice, will]) c.unsubscribe();
    });
  });
});
