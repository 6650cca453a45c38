// Before the run: the SMTP peer every email of the run is delivered to (tests/e2e/support/mail-peer.ts),
// with an empty mail directory. Its teardown closes it.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { MAIL_DIR, parseRawMail, SMTP_PORT } from "./support/mail-peer";

export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(MAIL_DIR, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), ...parseRawMail(raw) };
        const name = `${String(Date.now()).padStart(15, "0")}-${String(++seq).padStart(6, "0")}-${randomUUID().slice(0, 8)}.json`;
        fs.writeFileSync(path.join(MAIL_DIR, name), JSON.stringify(mail));
        callback(null, "Queued");
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
