// Several app instances on one database, as docs/DEPLOY.md has an installation run them: three more
// production servers (the same build and start entry as `npm start`) on the run's PostgreSQL, each
// with its own job worker and LISTEN connection, behind a round-robin proxy (one instance per
// request, in turn). Through them, with real Chromium: a person signs in across instances; a notice
// filed through instance A reaches an inbox whose live stream is held by instance B; forty emails
// queued at once are each sent exactly once while every instance's worker competes for them; a
// token revoked through A is refused at once by every instance that had it cached; a limit
// (requests without a valid token per address; requests per token) holds across the instances
// instead of once per instance; and a webhook endpoint added through A is written to by B, which
// had remembered that the agency had none. Instance C runs as two processes (WEB_CONCURRENCY=2): both
// serve, one that dies is replaced while the other keeps the port, and the jobs run in their primary.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, createThrowawayUser, e2eRun, signIn, type TestAccount } from "./auth-fixtures";
import { startAppInstance, type AppInstance } from "./support/app-instances";
import { deliveredMail, SMTP_URL } from "./support/mail-peer";
import { PIN_HEADER, startRoundRobinProxy, type RoundRobinProxy } from "./support/round-robin-proxy";
import { LIMITS } from "../../lib/rate-limit/limits";
import { freePort } from "../../scripts/lib/free-port";

const NAMES = ["A", "B", "C"] as const;
type Name = (typeof NAMES)[number];

/** The per-token limit the instances run with (RATE_LIMITS), small enough to spend in a test. */
const TOKEN_LIMIT = 150;
/** lib/rate-limit/leased.ts: each instance leases a 50th of the limit at a time. */
const TOKEN_SLICE = Math.floor(TOKEN_LIMIT / 50);
/** Requests without a valid token per client address: the instances run it unchanged. */
const ANONYMOUS_LIMIT = LIMITS.anonymousAddress;

const tag = randomUUID().slice(0, 8);
/** A client address of this run's own, so no other spec's requests count against its limits. */
const client = (n: number) => `192.0.2.${n}`;
const OWN_ADDRESS = client(1 + Math.floor(Math.random() * 100));

// Starting three production servers on a shared two-core machine takes a while; the tests do not.
test.describe.configure({ timeout: 180_000 });

const instances = new Map<Name, AppInstance>();
let proxy: RoundRobinProxy | undefined;
const contexts: BrowserContext[] = [];

const instance = (name: Name) => instances.get(name)!;

test.beforeAll(async () => {
  test.setTimeout(420_000);
  const { url, authSecret } = await e2eRun();
  proxy = await startRoundRobinProxy();
  // Every live event stream goes to B: the browser's "connection" is with that instance.
  proxy.pin((req) => (req.url?.startsWith("/api/events") ? "B" : null));
  const ports: number[] = [];
  while (ports.length < NAMES.length) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const env = {
    DATABASE_URL: url,
    AUTH_SECRET: authSecret,
    // The public address is the proxy's, as behind a real load balancer.
    NEXTAUTH_URL: proxy.url,
    TRUSTED_PROXIES: "127.0.0.1,::1",
    TEST_CLOCK: "1",
    SMTP_URL,
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMITS: JSON.stringify({ apiToken: { points: TOKEN_LIMIT, durationSec: 600 } }),
  };
  // All settled before going on, so that afterAll stops every one that started even if another did not.
  const started = await Promise.allSettled(
    NAMES.map(async (name, i) => {
      // C is itself two processes on its port (WEB_CONCURRENCY), as DEPLOY.md has a machine with cores to spare run.
      const own = name === "C" ? { ...env, WEB_CONCURRENCY: "2" } : env;
      instances.set(name, await startAppInstance({ name, port: ports[i], env: own }));
    }),
  );
  for (const result of started) if (result.status === "rejected") throw result.reason;
  proxy.setUpstreams(NAMES.map((name) => ({ name, port: instance(name).port })));
});

test.afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await proxy?.close();
  await Promise.all([...instances.values()].map((i) => i.stop()));
  await closeE2eRun();
});

/** A browser context on the proxy's address, signed in through it (each request to the next instance). */
async function signedInThroughProxy(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", baseURL: proxy!.url });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, { email: account.email, password: account.password, secret: account.secret! });
  return page;
}

type ApiAnswer = { status: number; instance: string | null; retryAfter: string | null; body: unknown };

/** One API request, to an instance directly or through the proxy, from this run's client address. */
async function api(
  base: string,
  path: string,
  o: { token: string; method?: string; body?: unknown; from?: string },
): Promise<ApiAnswer> {
  const res = await fetch(`${base}${path}`, {
    method: o.method ?? "GET",
    headers: {
      authorization: `Bearer ${o.token}`,
      "x-forwarded-for": o.from ?? OWN_ADDRESS,
      ...(o.body ? { "content-type": "application/json" } : {}),
    },
    body: o.body ? JSON.stringify(o.body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    instance: res.headers.get("x-instance"),
    retryAfter: res.headers.get("retry-after"),
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

/** A GET on a connection of its own (no keep-alive pool), resolving with the status. */
function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

/** `count` requests, `parallel` at a time. */
async function inBatches<T>(count: number, parallel: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel)
    out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => send(i + j)))));
  return out;
}

/** Creates a token on the admin's API tokens page and returns its value (shown once). */
async function createToken(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/admin/api-tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  for (const scope of scopes) await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const value = page.getByTestId("new-token-value");
  await expect(value).toHaveValue(/^cg_[A-Za-z0-9_-]{43}$/);
  return value.inputValue();
}

/**
 * Files an operation inside DuPage County (so the county's sheriff gets a notice) through one
 * instance, `daysAhead` of the server's clock and a little way off where earlier runs filed.
 */
async function fileInDuPage(at: AppInstance, token: string, title: string, daysAhead: number): Promise<void> {
  const clock = (await (await fetch(`${at.url}/api/test/clock`)).json()) as { now: string };
  const day = new Date(new Date(clock.now).getTime() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const jitter = () => Math.round(Math.random() * 50) / 10_000;
  const filed = await api(at.url, "/api/v1/operations", {
    token,
    method: "POST",
    body: {
      type: "FUGITIVE_APPREHENSION",
      title,
      area: { kind: "CIRCLE", center: [-88.015 + jitter(), 41.88 + jitter()], radiusM: 300 },
      startsAt: `${day}T14:00:00Z`,
      endsAt: `${day}T16:00:00Z`,
      leadAgencyName: "ICE Enforcement and Removal Operations",
      commanderName: "SA Dana Whitfield",
      commanderPhone: "+1 312 555 0142",
      commsPlan: "ISPERN, then cell phones.",
      personnelCount: 8,
    },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

let adminPage: Page | undefined;

/** The ICE office's agency admin, signed in through the proxy once per worker. */
async function agencyAdmin(browser: Browser): Promise<Page> {
  adminPage ??= await signedInThroughProxy(
    browser,
    await createThrowawayUser({ agencySlug: "ice-ero-chicago", roles: ["AGENCY_ADMIN"] }),
  );
  return adminPage;
}

test.describe("several instances on one database", () => {
  test("a notice filed through instance A reaches, live, an inbox whose event stream is on instance B", async ({
    browser,
  }) => {
    const chief = await signedInThroughProxy(
      browser,
      await createThrowawayUser({ agencySlug: "dupage-sheriff", roles: ["CHIEF"] }),
    );
    // Signing in alone (pages, scripts, the form's posts) went through every instance.
    expect(Object.keys(countBy(proxy!.served, (s) => s.instance)).sort()).toEqual([...NAMES]);

    const filingToken = await createToken(await agencyAdmin(browser), `Multi-instance CAD ${tag}`, ["Read", "File"]);

    // The chief's inbox opens its live stream, which the proxy gives to B.
    const live = chief.waitForResponse((r) => r.url().includes("/api/events") && r.status() === 200);
    await chief.goto("/inbox");
    await expect(chief.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    expect((await live).headers()["x-instance"]).toBe("B");
    await chief.evaluate(() => ((window as unknown as { __cgNoReload: boolean }).__cgNoReload = true));
    const linesBefore = proxy!.streamed.length;

    // A CAD system files through instance A, straight to it: an operation inside DuPage County.
    const title = `Fugitive arrest, Lombard ${tag}`;
    await fileInDuPage(instance("A"), filingToken, title, 11);

    // The inbox shows it without a reload: A's NOTIFY reached B's listener and B's stream.
    const item = chief.getByTestId("inbox-item").filter({ hasText: title });
    await expect(item).toBeVisible({ timeout: 20_000 });
    await expect(item.getByTestId("badge-unread")).toBeVisible();
    expect(await chief.evaluate(() => (window as unknown as { __cgNoReload?: boolean }).__cgNoReload)).toBe(true);
    const carried = proxy!.streamed.slice(linesBefore).filter((l) => l.line.includes('"type":"notice"'));
    expect(carried.length).toBeGreaterThan(0);
    expect(new Set(carried.map((l) => l.instance))).toEqual(new Set(["B"]));
  });

  test("forty emails queued at once are each sent exactly once while every instance's worker runs", async () => {
    const { pool } = await e2eRun();
    const N = 40;
    const mails = Array.from({ length: N }, (_, i) => ({
      id: randomUUID(),
      jobId: randomUUID(),
      to: `multi-${tag}-${i}@e2e.demo`,
    }));
    // As lib/mail/queue-mail.ts queues one, all in one transaction: on commit every worker is woken at once.
    const db = await pool.connect();
    try {
      await db.query("BEGIN");
      for (const m of mails) {
        await db.query(
          `INSERT INTO "MailMessage" (id, "messageId", "toAddress", "fromAddress", subject, text, template, locales, "createdAt")
           VALUES ($1, $2, $3, 'no-reply@common-ground.local', $4, 'Hello,\n\nA test message.\n', 'test', ARRAY['en'], now())`,
          [m.id, `<${m.id}@e2e.test>`, m.to, `Multi-instance ${tag}`],
        );
        await db.query(
          `INSERT INTO "Job" (id, queue, payload, "dedupeKey", "runAt", "maxAttempts", "createdAt")
           VALUES ($1, 'mail.send', $2, $3, now() - interval '1 day', 30, now())`,
          [m.jobId, JSON.stringify({ mailMessageId: m.id }), `mail:${m.id}`],
        );
      }
      await db.query("SELECT pg_notify('cg_jobs', 'mail.send')");
      await db.query("COMMIT");
    } finally {
      db.release();
    }

    const jobIds = mails.map((m) => m.jobId);
    await expect
      .poll(
        async () =>
          (
            await pool.query<{ done: number }>(
              `SELECT count(*)::int AS done FROM "Job" WHERE id = ANY($1::uuid[]) AND status = 'DONE'`,
              [jobIds],
            )
          ).rows[0].done,
        { timeout: 90_000, message: "every job done" },
      )
      .toBe(N);

    // The mail server got each message once (a job's SMTP send is recorded before it is done).
    const received = deliveredMail().filter((m) => m.subject === `Multi-instance ${tag}`);
    expect(countBy(received, (m) => m.to.join(","))).toEqual(Object.fromEntries(mails.map((m) => [m.to, 1])));
    const jobs = await pool.query<{ attempts: number }>(`SELECT attempts FROM "Job" WHERE id = ANY($1::uuid[])`, [
      jobIds,
    ]);
    expect(jobs.rows.map((r) => r.attempts)).toEqual(Array(N).fill(1));
    const sent = await pool.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM "MailMessage" WHERE id = ANY($1::uuid[])`,
      [mails.map((m) => m.id)],
    );
    expect(sent.rows.map((r) => `${r.status}/${r.attempts}`)).toEqual(Array(N).fill("SENT/1"));

    // Who sent what: each instance logs the messages it handed to the mail server. No message was
    // sent by two, and more than one worker took part (the run's first server, which serves the
    // other specs, has a worker on this database too: what none of the three logged, it sent).
    const ours = new Set<string>(mails.map((m) => m.id));
    const byInstance = Object.fromEntries(
      NAMES.map((name) => [
        name,
        instance(name)
          .logged("email accepted by the SMTP server")
          .map((e) => String(e.mailMessageId))
          .filter((id) => ours.has(id)),
      ]),
    );
    const logged = Object.values(byInstance).flat();
    expect(new Set(logged).size).toBe(logged.length);
    const share = { ...Object.fromEntries(NAMES.map((n) => [n, byInstance[n].length])), other: N - logged.length };
    test.info().annotations.push({ type: "emails sent per instance", description: JSON.stringify(share) });
    expect(Object.values(share).filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  test("an instance of two processes serves from both, and replaces one that dies without losing the port", async () => {
    const c = instance("C");
    const serving = () => c.logged("serving").map((entry) => entry.pid as number);
    const replaced = () => c.logged("server worker exited; starting another").length;
    await expect.poll(() => new Set(serving()).size, { timeout: 120_000 }).toBe(2);
    const before = replaced();
    const [victim, survivor] = serving().slice(-2);
    process.kill(victim, "SIGKILL");
    await expect.poll(replaced).toBe(before + 1);
    // Once the primary has seen it go, the other process answers every new connection on the port
    // while the first is replaced (which takes seconds: a whole app starts).
    for (let i = 0; i < 5; i++) expect(await statusOnNewConnection(`${c.url}/login`)).toBe(200);
    expect(serving()).toHaveLength(2);
    await expect.poll(() => serving().length, { timeout: 120_000 }).toBe(3);
    expect(serving()).toContain(survivor);
    for (let i = 0; i < 5; i++) expect(await statusOnNewConnection(`${c.url}/login`)).toBe(200);
    // The jobs run in the primary alone, which no worker's death touches.
    expect(c.logged("job worker started")).toHaveLength(1);
  });

  test("a token revoked through instance A is refused by every instance", async ({ browser }) => {
    const admin = await agencyAdmin(browser);
    const name = `Multi-instance revoked ${tag}`;
    const token = await createToken(admin, name, ["Read"]);
    const prefix = token.slice(0, 11);
    // Everything the admin's page does from now on goes to A.
    await admin.setExtraHTTPHeaders({ [PIN_HEADER]: "A" });
    await admin.goto("/admin/api-tokens");
    const row = admin.getByTestId(`token-row-${prefix}`);
    await expect(row).toBeVisible();

    // Each instance checks the token and remembers it (its cache keeps a token a minute at most).
    for (const at of NAMES) {
      for (let i = 0; i < 2; i++) {
        const ok = await api(instance(at).url, "/api/v1/notices?box=inbox", { token });
        expect(ok.status, `instance ${at}`).toBe(200);
      }
    }

    const servedBefore = proxy!.served.length;
    await row.getByRole("button", { name: `Revoke token ${name}` }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toContainText("Revoked");
    const revoking = proxy!.served.slice(servedBefore).filter((s) => s.method === "POST");
    expect(revoking.length).toBeGreaterThan(0);
    expect(new Set(revoking.map((s) => s.instance))).toEqual(new Set(["A"]));
    await admin.setExtraHTTPHeaders({});

    // Every instance refuses it now, well before its cached entry would have expired.
    for (const at of NAMES) {
      await expect
        .poll(async () => (await api(instance(at).url, "/api/v1/notices?box=inbox", { token })).status, {
          timeout: 15_000,
          message: `instance ${at} refuses the revoked token`,
        })
        .toBe(401);
    }
  });

  test("a limit holds across the instances, not once per instance", async ({ browser }) => {
    // Requests without a valid token from one address: its allowance, then 429 with Retry-After,
    // however the requests were spread.
    const address = client(101 + Math.floor(Math.random() * 100));
    const bogus = `cg_${"M".repeat(43)}`;
    const refused = await inBatches(90, 6, () =>
      api(proxy!.url, "/api/v1/operations", { token: bogus, from: address }),
    );
    expect(countBy(refused, (r) => String(r.status))).toEqual({
      "401": ANONYMOUS_LIMIT.points,
      "429": 90 - ANONYMOUS_LIMIT.points,
    });
    expect(Object.keys(countBy(refused, (r) => r.instance ?? "?")).sort()).toEqual([...NAMES]);
    expect(
      Object.keys(
        countBy(
          refused.filter((r) => r.status === 401),
          (r) => r.instance ?? "?",
        ),
      ).length,
    ).toBeGreaterThan(1);
    for (const r of refused.filter((r) => r.status === 429)) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(ANONYMOUS_LIMIT.blockSec);
    }

    // One token's requests: its limit in all, spent from each instance's small leases of it.
    const token = await createToken(await agencyAdmin(browser), `Multi-instance reader ${tag}`, ["Read"]);
    const answers = await inBatches(240, 12, () => api(proxy!.url, "/api/v1/notices?box=inbox", { token }));
    const statuses = countBy(answers, (r) => String(r.status));
    test.info().annotations.push({ type: "per-token answers", description: JSON.stringify(statuses) });
    expect(Object.keys(statuses).sort()).toEqual(["200", "429"]);
    // Never more than the limit; at most each other instance's unspent slice less (leased.ts).
    expect(statuses["200"]).toBeLessThanOrEqual(TOKEN_LIMIT);
    expect(statuses["200"]).toBeGreaterThanOrEqual(TOKEN_LIMIT - (NAMES.length - 1) * TOKEN_SLICE);
    expect(
      Object.keys(
        countBy(
          answers.filter((r) => r.status === 200),
          (r) => r.instance ?? "?",
        ),
      ).sort(),
    ).toEqual([...NAMES]);
    for (const r of answers.filter((r) => r.status === 429)) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(600);
    }
  });
  test("a webhook endpoint added through instance A is written to by instance B's next notice", async ({ browser }) => {
    const { pool } = await e2eRun();
    const filer = await createToken(await agencyAdmin(browser), `Multi-instance filer ${tag}`, ["File"]);
    const deliveriesToDuPage = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "WebhookDelivery" d JOIN "Agency" a ON a.id = d."agencyId"
           WHERE a.slug = 'dupage-sheriff' AND d."eventType" = 'notice.received'`,
        )
      ).rows[0].n;
    // B files a notice to DuPage, which has no endpoint: B remembers that and writes no delivery.
    await fileInDuPage(instance("B"), filer, `Fugitive arrest, Glen Ellyn ${tag}`, 12);
    const before = await deliveriesToDuPage();

    // DuPage's admin adds an endpoint, through A.
    const url = `https://203.0.113.20/hooks/multi-${tag}`;
    const dupageAdmin = await signedInThroughProxy(
      browser,
      await createThrowawayUser({ agencySlug: "dupage-sheriff", roles: ["AGENCY_ADMIN"] }),
    );
    await dupageAdmin.setExtraHTTPHeaders({ [PIN_HEADER]: "A" });
    try {
      await dupageAdmin.goto("/admin/webhooks");
      await dupageAdmin.getByLabel("Endpoint URL").fill(url);
      await dupageAdmin.getByRole("checkbox", { name: /^Notice received/ }).check();
      const servedBefore = proxy!.served.length;
      await dupageAdmin.getByRole("button", { name: "Add endpoint" }).click();
      await expect(dupageAdmin.getByTestId("webhook-secret-value")).toHaveValue(/^whsec_/);
      expect(new Set(proxy!.served.slice(servedBefore).map((s) => s.instance))).toEqual(new Set(["A"]));

      // B's next notice to DuPage is written for it: B forgot what it remembered when A's change committed.
      let n = 0;
      await expect
        .poll(
          async () => {
            await fileInDuPage(instance("B"), filer, `Fugitive arrest, Glen Ellyn ${tag} ${++n}`, 12 + n);
            return (await deliveriesToDuPage()) - before;
          },
          { timeout: 15_000, message: "a delivery for the new endpoint" },
        )
        .toBeGreaterThan(0);
    } finally {
      // Nothing is sent to it after this test (its deliveries go with it).
      await pool.query(`DELETE FROM "WebhookEndpoint" WHERE url = $1`, [url]);
    }
  });
});
