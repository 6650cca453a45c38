// The SMTP side (nodemailer). Timeouts are kept well under the job lease, so a stuck server
// fails the attempt instead of letting the lease lapse while this worker still holds the job.
// Connections are pooled: a burst of notices goes out over a few open connections instead of a
// new connection (and greeting) per message.
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";

export type OutgoingMail = {
  from: string;
  to: { address: string; name?: string | null };
  subject: string;
  text: string;
  messageId: string;
  date: Date;
};
export type MailTransport = { send(mail: OutgoingMail): Promise<{ response: string }>; close(): void };

/** An SMTP failure the server reported as permanent (5xx): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export type SmtpTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number };
export const SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
};

export function smtpTransport(
  smtpUrl: string,
  { maxConnections = 4, timeouts = SMTP_TIMEOUTS }: { maxConnections?: number; timeouts?: Partial<SmtpTimeouts> } = {},
): MailTransport {
  // The options object, not the URL string: with a URL alone, nodemailer takes every setting from
  // the URL and the timeouts would be silently dropped.
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl),
    ...SMTP_TIMEOUTS,
    ...timeouts,
    pool: true,
    maxConnections,
    maxMessages: 500,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        date: mail.date,
        headers: { "Auto-Submitted": "auto-generated" },
      });
      return { response: String(info.response ?? "") };
    },
    close: () => transporter.close(),
  };
}
