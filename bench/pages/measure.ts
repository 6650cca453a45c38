// One page as a fresh browser context loads it: the script responses it downloads before the
// network goes idle, and the HTML document with the inline RSC payload inside it.
import { gzipSync } from "node:zlib";
import type { BrowserContext, Response } from "@playwright/test";

export type Size = { raw: number; gzip: number };
export type Chunk = { path: string; raw: number };
export type PageFigures = {
  name: string;
  url: string;
  scripts: number;
  js: Size;
  html: Size;
  rsc: Size;
  /** The page's scripts, largest first: where to look for the next saving. */
  chunks: Chunk[];
};

const size = (body: Buffer | string): Size => {
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  return { raw: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
};

/** The inline flight data: every `self.__next_f.push(...)` script of the document. */
export function inlineRscPayload(html: string): string {
  return [...html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
}

export async function measurePage(
  context: BrowserContext,
  base: string,
  name: string,
  url: string,
): Promise<PageFigures> {
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  const paths: string[] = [];
  const seen = new Set<string>();
  page.on("response", (response: Response) => {
    if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
    seen.add(response.url());
    paths.push(new URL(response.url()).pathname);
    scripts.push(response.body().catch(() => Buffer.alloc(0)));
  });
  const document = await page.goto(`${base}${url}`, { waitUntil: "load" });
  if (!document || !document.ok()) throw new Error(`${name} (${url}) answered ${document?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url, base).pathname)
    throw new Error(`${name} (${url}) went to ${page.url()}: signed out?`);
  await page.waitForLoadState("networkidle");
  const html = (await document.body()).toString("utf8");
  const bodies = await Promise.all(scripts);
  await page.close();
  const sum = (xs: Size[]) => xs.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  return {
    name,
    url,
    scripts: bodies.length,
    js: sum(bodies.map(size)),
    html: size(html),
    rsc: size(inlineRscPayload(html)),
    chunks: bodies.map((b, i) => ({ path: paths[i], raw: b.length })).sort((a, b) => b.raw - a.raw),
  };
}
