// A sending process that dies the moment after the SMTP server accepted its message: it delivers
// one queued email (`deliverMail`, as the mail job does) through a real SMTP transport and
// SIGKILLs itself at the next turn of its event loop once the server's "250" is in. That is a
// kill -9 landing right after the acceptance, before anything else the process would do next.
//   node --import tsx tests/integration/helpers/deliver-then-die.ts <mailMessageId>
import { createDb } from "../../../lib/db/client";
import { deliverMail } from "../../../lib/mail/deliver";
import { smtpTransport, type MailTransport } from "../../../lib/mail/transport";

const [mailMessageId] = process.argv.slice(2);
const db = createDb(process.env.DATABASE_URL!, 2);
const smtp = smtpTransport(process.env.SMTP_URL!);
const dying: MailTransport = {
  async send(mail) {
    const accepted = await smtp.send(mail);
    setImmediate(() => process.kill(process.pid, "SIGKILL"));
    return accepted;
  },
  close: () => smtp.close(),
};
// Warm the pool, as a running worker's is.
await db.$queryRaw`SELECT 1`;
await deliverMail({ db, mailMessageId, now: new Date(), transport: dying });
// Not reached when the kill lands; if it does, say so (the test then fails on the exit signal).
process.stdout.write("delivered without being killed\n");
await db.$disconnect();
