// The end-to-end run's real mail server: an SMTP peer (the `smtp-server` package) on a fixed
// loopback port, started by the global setup before the app, which writes every message it
// accepts to a directory as JSON (envelope recipients, decoded subject and text). The app reaches
// it through SMTP_URL (playwright.config.ts); specs read the directory to see what was emailed.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 22_000);
export const SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
export const MAIL_DIR = path.resolve(process.env.E2E_MAIL_DIR ?? ".data/e2e-mail");

export type DeliveredMail = { file: string; to: string[]; subject: string; text: string };

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?) in a header. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_m, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Subject and plain text of a raw single-part message, as nodemailer writes one. */
export function parseRawMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split >= 0 ? raw.slice(0, split) : raw).replace(/\r\n[ \t]+/g, " ");
  const body = split >= 0 ? raw.slice(split + 4) : "";
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { subject: decodeHeader(header("Subject")), text };
}

export function deliveredMail(): DeliveredMail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(fs.readFileSync(path.join(MAIL_DIR, file), "utf8")) as Omit<DeliveredMail, "file">),
    }));
}

/** Waits until a message to `to` matching `match` has arrived at the peer, and returns it. */
export async function waitForMail(
  to: string,
  match: (m: DeliveredMail) => boolean,
  timeout = 20_000,
): Promise<DeliveredMail> {
  let found: DeliveredMail | undefined;
  await expect
    .poll(
      () => {
        found = deliveredMail().find((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()) && match(m));
        return !!found;
      },
      { timeout, message: `an email to ${to}` },
    )
    .toBe(true);
  return found!;
}
