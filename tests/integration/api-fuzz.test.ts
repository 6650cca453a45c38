// The OpenAPI-driven fuzzer (helpers/api-fuzz.ts) against both servers of /api/v1 — the production
// server's fast path (the route modules, over real HTTP) and Next.js's own route handlers (`next
// start` on the last build, as `npm run dev` serves them; skipped when there is no build yet) — on
// a real PostgreSQL with the seeded world: a receiving agency's and a federal office's real
// tokens, real operations, conflicts, notices and requests to name. No answer may be a 5xx, and
// every answer must be one the document describes. Bounded here; `npm run fuzz -- --runs N` runs
// it longer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { openApiDocument } from "@/lib/api-contract/document";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { freePort } from "@/scripts/lib/free-port";
import { repoRoot } from "@/scripts/lib/script-env";
import { hasBuild, runNext, stopChild, waitForPort } from "@/server/lib/next-app";
import { useTestSecrets } from "./helpers/actors";
import { describeFailure, fuzzApi, type FuzzReport, type KnownIds } from "./helpers/api-fuzz";
import { useFreshDb } from "./helpers/db";
import { seededWorld } from "./notices-fixtures";

/** Generated requests per operation and token (FUZZ_RUNS for a longer run). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 14);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe("API fuzzing", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let server: http.Server;
  let base: string;
  const tokens: Record<string, string> = {};
  const agencyIds: Record<string, string> = {};

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    // The dry runs' allowances would answer most of the run 429 (documented, and tested elsewhere).
    process.env.RATE_LIMITS = JSON.stringify({
      dryRunUser: { points: 1_000_000 },
      dryRunAgency: { points: 1_000_000 },
      anonymousAddress: { points: 1_000_000 },
    });
    const w = await seededWorld(db());
    for (const slug of ["cook-sheriff", "ice-ero-chicago"]) {
      agencyIds[slug] = w.id(slug);
      tokens[slug] = (
        await createApiToken({
          db: db(),
          actor: await w.as(`admin@${slug}.demo`),
          input: { name: "Fuzzer", scopes: ["read", "file", "conflicts"] },
          now: new Date(),
        })
      ).token;
    }
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const { createApiHandler } = await import("@/server/lib/api-server");
    const handle = createApiHandler(await loadRoutes(path.join(repoRoot, "app", "api", "v1")), {
      trustedProxies: parseTrustedProxies(""),
    });
    server = http.createServer((req, res) => {
      void handle(req, res).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Ids of what the agency can name, read back after each operation's batch (the fuzzer creates more). */
  async function knownIds(agencyId: string): Promise<KnownIds> {
    const [operations, conflicts, notices, requests] = await Promise.all([
      db().operation.findMany({ where: { agencyId }, select: { id: true }, take: 20, orderBy: { createdAt: "desc" } }),
      db().conflict.findMany({
        where: { OR: [{ agencyAId: agencyId }, { agencyBId: agencyId }] },
        select: { id: true },
        take: 20,
      }),
      db().notice.findMany({
        where: { OR: [{ senderAgencyId: agencyId }, { recipientAgencyId: agencyId }] },
        select: { id: true },
        take: 20,
      }),
      db().federalRequest.findMany({
        where: { OR: [{ agencyId }, { requesterAgencyId: agencyId }] },
        select: { id: true },
        take: 20,
      }),
    ]);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    return { operations: ids(operations), conflicts: ids(conflicts), notices: ids(notices), requests: ids(requests) };
  }

  async function fuzzBoth(base: string, runs: number): Promise<FuzzReport> {
    const doc = openApiDocument().doc as never;
    const total: FuzzReport = { requests: 0, fiveXx: 0, mismatches: 0, failures: [], statuses: {} };
    for (const slug of ["cook-sheriff", "ice-ero-chicago"]) {
      let ids = await knownIds(agencyIds[slug]);
      const report = await fuzzApi({
        doc,
        base,
        token: tokens[slug],
        ids: () => ids,
        perOperation: runs,
        seed: SEED,
        between: async () => void (ids = await knownIds(agencyIds[slug])),
      });
      total.requests += report.requests;
      total.fiveXx += report.fiveXx;
      total.mismatches += report.mismatches;
      total.failures.push(...report.failures);
      for (const [k, n] of Object.entries(report.statuses)) total.statuses[k] = (total.statuses[k] ?? 0) + n;
    }
    return total;
  }

  function expectClean(total: FuzzReport, server: string, runs: number, started: number) {
    const line = `fuzz: ${total.requests} requests, ${total.fiveXx} 5xx, ${total.mismatches} schema mismatches (${server}; seed ${SEED}, ${runs} per operation and token, ${Math.round((Date.now() - started) / 1000)} s)`;
    log.info({ fuzz: total.requests }, line);
    if (process.env.FUZZ_VERBOSE === "1")
      for (const [k, n] of Object.entries(total.statuses).sort()) process.stdout.write(`  ${k}: ${n}\n`);
    process.stdout.write(`${line}\n`);
    expect(total.failures.slice(0, 15).map(describeFailure)).toEqual([]);
    expect(total.requests).toBeGreaterThan(0);
  }

  it(
    "the production server's fast path never answers 5xx, and every answer matches the document",
    async () => {
      const started = Date.now();
      expectClean(await fuzzBoth(base, RUNS), "fast path", RUNS, started);
    },
    30 * 60_000,
  );

  it.skipIf(!hasBuild())(
    "Next.js's own route handlers never answer 5xx, and every answer matches the document",
    async () => {
      const port = await freePort();
      const next = runNext(["start", "--port", String(port), "--hostname", "127.0.0.1"], {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        // The API alone: no background jobs, and only errors in the test's output.
        JOBS_WORKER: "0",
        LOG_LEVEL: "error",
      });
      try {
        expect(await waitForPort(port, next)).toBe(true);
        // Fewer: the same handlers, with Next's routing around them.
        const runs = Math.max(4, Math.round(RUNS / 2));
        const started = Date.now();
        expectClean(await fuzzBoth(`http://127.0.0.1:${port}`, runs), "next start", runs, started);
      } finally {
        await stopChild(next);
      }
    },
    30 * 60_000,
  );
});
