// The public record kept in memory, against a real database and real LISTEN connections: a
// publication, a report, an agency's change and a new signed audit head reach every process's cache
// through the triggers' notification (two listeners stand for two app instances); a draft does not.
// Through the production server's layer (lib/public-record/page-server.ts) over the public pages'
// reads (app/transparency/_lib/cache.ts), a page view after warm-up makes no database query, an
// unknown agency is not found without one, and a publication shows on the next view.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorAuditChain } from "@/lib/audit/anchor";
import { db as appDb, poolOf } from "@/lib/db/client";
import { publishVersion, saveDraft } from "@/lib/public-record/manage";
import { createPublicPageServer, type KeptAnswer } from "@/lib/public-record/page-server";
import { createPublicCache, processPublicCache, type PublicCache } from "@/lib/public-record/public-cache";
import { createMemoryLimiter } from "@/lib/rate-limit/memory";
import { createPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import { processListener } from "@/lib/realtime/process";
import { publishReport } from "@/lib/requests/reports";
import { draftSchema } from "@/lib/validation/public-record";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld } from "./notices-fixtures";

const NOW = new Date();

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("the public record kept in memory", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let one: PgListener;
  let two: PgListener;
  let a: PublicCache<string>;
  let b: PublicCache<string>;

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    one = createPgListener(t().url);
    two = createPgListener(t().url);
    a = createPublicCache<string>(one, 100);
    b = createPublicCache<string>(two, 100);
    await Promise.all([one.ready(), two.ready()]);
    await until(() => a.generation() !== null && b.generation() !== null, "LISTEN confirmed");
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close(), processListener().close()]);
  });

  /** Both "instances" remember something; returns a check that both have forgotten it. */
  function rememberInBoth(): () => boolean {
    a.remember("page", "old", a.generation()!);
    b.remember("page", "old", b.generation()!);
    expect([a.get("page"), b.get("page")]).toEqual(["old", "old"]);
    return () => a.get("page") === undefined && b.get("page") === undefined;
  }

  const draft = (title: string) =>
    draftSchema.parse({
      kind: "POLICY",
      title,
      summary: "No immigration arrests at the courthouse.",
      body: "## Rule\n\nNone.",
      effectiveOn: "2026-12-01",
    });

  it("a draft is not announced; its publication reaches every instance", async () => {
    const forgotten = rememberInBoth();
    const saved = await saveDraft({
      db: db(),
      actor: await w.as("admin@dupage-sheriff.demo"),
      input: draft("Courthouse arrests"),
      now: NOW,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(forgotten()).toBe(false);
    await publishVersion({
      db: db(),
      actor: await w.as("chief@dupage-sheriff.demo"),
      versionId: saved.versionId,
      now: NOW,
    });
    await until(forgotten, "both instances to forget after a publication");
  });

  it("a published report, an agency renamed and a new signed audit head reach every instance", async () => {
    let forgotten = rememberInBoth();
    await publishReport({
      db: db(),
      actor: await w.as("chief@iroquois-sheriff.demo"),
      period: { kind: "YEAR", year: 2025, quarter: null },
      now: NOW,
    });
    await until(forgotten, "both instances to forget after a report");
    forgotten = rememberInBoth();
    await db().agency.update({ where: { slug: "iroquois-sheriff" }, data: { shortName: "Iroquois SO" } });
    await until(forgotten, "both instances to forget after an agency change");
    forgotten = rememberInBoth();
    expect((await anchorAuditChain(db(), { now: NOW }))?.created).toBe(true);
    await until(forgotten, "both instances to forget after an audit anchor");
  });

  it("a value read while a change was announced is not remembered", async () => {
    const generation = a.generation()!;
    await db().$executeRaw`SELECT pg_notify('cg_public_record', 'test')`;
    await until(() => a.generation() !== generation, "the notification");
    a.remember("stale", "old", generation);
    expect(a.get("stale")).toBeUndefined();
  });

  it("holds at most its cap, dropping the least recently used", () => {
    const small = createPublicCache<number>(one, 3);
    const g = small.generation()!;
    for (const k of ["a", "b", "c"]) small.remember(k, 1, g);
    small.get("a");
    small.remember("d", 1, g);
    expect(small.size()).toBe(3);
    expect(small.get("b")).toBeUndefined();
    expect([small.get("a"), small.get("c"), small.get("d")]).toEqual([1, 1, 1]);
  });

  it("through the production server's layer, a view after warm-up makes no database query; a publication shows on the next view", async () => {
    const { cachedAgencyRecord, cachedAllRecords } = await import("@/app/transparency/_lib/cache");
    await processListener().ready();
    const pages = processPublicCache<KeptAnswer>("test-pages", 100);
    await until(() => pages.generation() !== null, "the process listener");
    let queries = 0;
    poolOf(appDb())!.on("acquire", () => queries++);
    let renders = 0;
    let nonce = 0;
    // Stands for Next.js: renders from the public pages' reads, with a nonce in body and policy.
    const render = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      renders++;
      const n = `nonce${++nonce}x`;
      const slug = (req.url ?? "").split("/")[2] ?? "";
      const record = slug ? await cachedAgencyRecord(slug) : null;
      const all = slug ? [] : await cachedAllRecords();
      res.writeHead(slug && !record ? 404 : 200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `script-src 'nonce-${n}'`,
      });
      res.end(
        `<script nonce="${n}"></script>${record ? record.documents.map((d) => d.current.title).join("|") : all.length}`,
      );
    };
    const serve = createPublicPageServer({
      pages,
      missing: processPublicCache<KeptAnswer>("test-missing", 100),
      limiter: createMemoryLimiter("publicPageAddress"),
      allowRender: async () => ({ allowed: true }),
      newNonce: () => `fresh${Math.random().toString(36).slice(2)}`,
      secureCookies: false,
    });
    const server = http.createServer((req, res) => void serve(req, res, render));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const view = async (path: string) => {
        const r = await fetch(base + path);
        return { status: r.status, body: await r.text(), policy: r.headers.get("content-security-policy") };
      };
      for (const path of ["/transparency", "/transparency/kankakee-sheriff", "/transparency/no-such-agency"])
        await view(path);
      const [rendersBefore, queriesBefore] = [renders, queries];
      const overview = await view("/transparency?utm_source=news");
      const agency = await view("/transparency/kankakee-sheriff");
      const unknown = await view("/transparency/no-such-agency");
      expect([overview.status, agency.status, unknown.status]).toEqual([200, 200, 404]);
      expect(renders - rendersBefore).toBe(0);
      expect(queries - queriesBefore).toBe(0);
      // Each answer has its own nonce, the same in its policy and its body.
      const fresh = /'nonce-([^']+)'/.exec(agency.policy!)![1];
      expect(fresh).toMatch(/^fresh/);
      expect(agency.body).toContain(`nonce="${fresh}"`);
      // An agency not on the public site: not found without reading the database.
      const q = queries;
      expect(await cachedAgencyRecord("made-up-agency")).toBeNull();
      expect(queries - q).toBe(0);

      const saved = await saveDraft({
        db: db(),
        actor: await w.as("admin@kankakee-sheriff.demo"),
        input: draft("Interviews in the jail"),
        now: NOW,
      });
      expect((await view("/transparency/kankakee-sheriff")).body).not.toContain("Interviews in the jail");
      await publishVersion({
        db: db(),
        actor: await w.as("chief@kankakee-sheriff.demo"),
        versionId: saved.versionId,
        now: NOW,
      });
      expect((await view("/transparency/kankakee-sheriff")).body).toContain("Interviews in the jail");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
