// Raw message keys on screen: what a client component shows when its page did not ship the
// messages it reads (components/i18n/i18n-provider.tsx). Checked with every accessibility scan
// (support/sign-in.ts) and by page-messages.spec.ts in both languages.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Locale } from "../../../lib/i18n/locales";
import { lookupNode } from "../../../lib/i18n/pick";
import type { Messages } from "../../../lib/i18n/translate";

const MESSAGES = path.join(import.meta.dirname, "..", "..", "..", "lib", "i18n", "messages");

/** One language's catalog, read from its files (the test runner's loader takes no JSON imports). */
export function readCatalog(locale: Locale): Record<string, Messages> {
  const dir = path.join(MESSAGES, locale);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Messages]),
  );
}

const catalog = { en: readCatalog("en") };
const namespaces = Object.keys(catalog.en);

/**
 * Catalog keys ("notices.inbox.title") found in the page's text or its labels. Text shown as code
 * on purpose (`<code>`, e.g. an audit event's action code "auth.signIn") is not a message.
 */
export async function rawMessageKeys(page: Page): Promise<string[]> {
  const { texts, codes } = await page.evaluate(() => {
    const out = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]"))
      for (const name of ["aria-label", "placeholder", "title", "alt"]) out.push(el.getAttribute(name) ?? "");
    const shownAsCode = [...document.querySelectorAll("code")].map((el) => (el.textContent ?? "").trim());
    return { texts: out.join("\n"), codes: shownAsCode };
  });
  const found = new Set<string>();
  for (const [token] of texts.matchAll(/(?<![\w@/:.-])[a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+/g)) {
    const key = token.replace(/\.$/, "");
    if (codes.includes(key)) continue;
    if (namespaces.includes(key.split(".")[0]) && lookupNode(catalog.en, key) !== undefined) found.add(key);
  }
  return [...found];
}

export async function expectNoRawMessageKeys(page: Page): Promise<void> {
  expect(await rawMessageKeys(page), `raw message keys on ${page.url()}`).toEqual([]);
}
