// The benchmark's mail server: a real SMTP peer (the `smtp-server` package the end-to-end run's
// peer uses, tests/e2e/support/mail-peer.ts) on a loopback port. It keeps no files: it counts
// every message it accepts by its Message-ID, so a message delivered twice shows as a duplicate.
import { SMTPServer } from "smtp-server";
import { freePort } from "@/scripts/lib/free-port";

export type MailSink = {
  url: string;
  /** Message-ID → how many times it was accepted. */
  received: Map<string, number>;
  /** Messages accepted without a Message-ID header (there should be none). */
  withoutId: number;
  close(): Promise<void>;
};

function messageIdOf(raw: string): string | null {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split >= 0 ? raw.slice(0, split) : raw).replace(/\r\n[ \t]+/g, " ");
  return /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
}

export async function startMailSink(): Promise<MailSink> {
  const port = await freePort();
  const sink: MailSink = {
    url: `smtp://127.0.0.1:${port}`,
    received: new Map(),
    withoutId: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A loopback peer: no reverse DNS lookup of the sender (which can stall where DNS is offline).
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // A message cut off by the sender's death is not accepted: only a complete one counts.
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(new Error("too big"));
        const id = messageIdOf(Buffer.concat(chunks).toString("utf8"));
        if (id) sink.received.set(id, (sink.received.get(id) ?? 0) + 1);
        else sink.withoutId++;
        callback(null, "Queued");
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return sink;
}
