// A real SMTP server (the `smtp-server` package) on a loopback port, standing in for an agency's
// mail system. It counts each accepted message by Message-ID. Like a conforming server, it takes
// responsibility for a message only when it can answer "250" on a still-open connection.
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export type ReceivedMail = { messageId: string; to: string[]; raw: string };

export type SmtpPeer = {
  port: number;
  received: ReceivedMail[];
  countsById(): Map<string, number>;
  /** Holds the reply to the message after the next `skip` ones until released; `reached` resolves once it is fully read. */
  holdAfter(skip: number): { reached: Promise<void>; release(): void; clientGone: Promise<void> };
  /** Answers 550 to this recipient. */
  rejectRecipient(address: string): void;
  close(): Promise<void>;
};

export async function startSmtpPeer(port = 0): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const closedSessions = new Set<string>();
  const rejected = new Set<string>();
  let hold: { at: number; reached: () => void; released: Promise<void>; gone: () => void } | null = null;
  // The session whose reply is held, and what to call once its client disconnects.
  const heldSessions = new Map<string, () => void>();
  let arrivals = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address)) {
        const err = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        arrivals++;
        const current = hold && hold.at === arrivals ? hold : null;
        if (current) {
          hold = null;
          heldSessions.set(session.id, current.gone);
          current.reached();
          await current.released;
        }
        if (closedSessions.has(session.id)) return; // the client is gone: no "250", no responsibility
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "(none)";
        received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback(null, "Queued");
      });
    },
    onClose(session) {
      closedSessions.add(session.id);
      heldSessions.get(session.id)?.();
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();

  return {
    port: address.port,
    received,
    countsById() {
      const m = new Map<string, number>();
      for (const r of received) m.set(r.messageId, (m.get(r.messageId) ?? 0) + 1);
      return m;
    },
    holdAfter(skip) {
      let reached!: () => void;
      let release!: () => void;
      let gone!: () => void;
      const reachedP = new Promise<void>((r) => (reached = r));
      const released = new Promise<void>((r) => (release = r));
      const clientGone = new Promise<void>((r) => (gone = r));
      hold = { at: arrivals + skip + 1, reached, released, gone };
      return { reached: reachedP, release, clientGone };
    },
    rejectRecipient(address) {
      rejected.add(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
