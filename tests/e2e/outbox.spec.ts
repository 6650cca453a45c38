// The outbox and live delivery in real Chromium against `npm start`: a notice email queued in
// the database is picked up by the app server's own job worker, delivered over SMTP to the run's
// mail peer (global setup), and appears as sent on the platform administrator's open outbox page
// without a reload, through LISTEN/NOTIFY and server-sent events. With a mail server configured,
// agencies' own admins have no outbox to see. The page passes axe.
import { randomUUID } from "node:crypto";
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, signedInAs } from "./support/sign-in";
import { PLATFORM_ADMIN_EMAIL, PLATFORM_HOST_SLUG } from "../../prisma/seed/accounts";

const OWN = PLATFORM_HOST_SLUG;
const OTHER = "aurora-pd";

/** Queues one email the way lib/mail/queue-mail.ts does, in one transaction, and wakes the workers. */
async function queueMailFor(slug: string, subject: string): Promise<string> {
  const { pool } = await e2eRun();
  const id = randomUUID();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "MailMessage" (id, "messageId", "agencyId", "toAddress", "fromAddress", subject, text, template, locales, "createdAt")
       SELECT $1, $2, a.id, $3, 'no-reply@common-ground.local', $4, 'Hello,\n\nA test notice.\n', 'test', ARRAY['en'],
              -- The newest in the list, even after specs that moved the server's clock ahead queued mail.
              GREATEST(now(), (SELECT max("createdAt") FROM "MailMessage") + interval '1 second')
       FROM "Agency" a WHERE a.slug = $5`,
      [id, `<${id}@e2e.test>`, `watch@${slug}.example.gov`, subject, slug],
    );
    await client.query(
      `INSERT INTO "Job" (id, queue, payload, "dedupeKey", "runAt", "maxAttempts", "createdAt")
       VALUES ($1, 'mail.send', $2, $3, now() - interval '1 day', 30, now())`,
      [randomUUID(), JSON.stringify({ mailMessageId: id }), `mail:${id}`],
    );
    await client.query("SELECT pg_notify('cg_jobs', 'mail.send')");
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  return id;
}

test.afterAll(async () => {
  await closeE2eRun();
});

test.describe.serial("outbox", () => {
  let context: BrowserContext;
  let page: Page;
  const subject = `Advance notice e2e ${randomUUID().slice(0, 8)}`;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, PLATFORM_ADMIN_EMAIL));
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test("shows new mail for the agency live, without a reload", async () => {
    // The page opens its live connection on load; wait for it before anything is queued.
    const live = page.waitForResponse((r) => r.url().includes("/api/events") && r.status() === 200);
    await page.goto("/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expect(page.getByText("Times are shown in Central Time")).toBeVisible();
    expect((await live).headers()["content-type"]).toContain("text/event-stream");
    const marker = await page.evaluate(
      () => ((window as unknown as { __sameDocument: number }).__sameDocument = Date.now()),
    );

    await queueMailFor(OWN, subject);
    const message = page.getByTestId("outbox-message").filter({ hasText: subject });
    await expect(message).toBeVisible({ timeout: 10_000 });
    // Worker wake-up (NOTIFY), delivery over SMTP, live event (NOTIFY → SSE) and the page's
    // re-render, without a reload (how fast is a bench/ figure, not this test's).
    await expect(message).toContainText("Sent");
    await expect(message).toContainText(`watch@${OWN}.example.gov`);
    // Still the same document: the list was refreshed in place, not reloaded.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(marker);

    await message.getByText("Show message").click();
    await expect(message.getByText("A test notice.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("never shows one agency's mail to another", async ({ browser }) => {
    const other = await signedInAs(browser, `admin@${OTHER}.demo`);
    try {
      await other.page.goto("/outbox");
      await expect(other.page.getByTestId("outbox-unavailable")).toBeVisible();
      await expect(other.page.getByText(subject)).toHaveCount(0);
      await expectNoSeriousA11yViolations(other.page);
    } finally {
      await other.context.close();
    }
  });
});
