// Every queue the app's workers serve, wired to its handler. A new kind of background work
// registers its handler here.
import { env } from "../env";
import { mailJobHandler } from "../mail/deliver";
import { MAIL_QUEUE } from "../mail/queue-mail";
import { smtpTransport } from "../mail/transport";
import { ESCALATION_QUEUE, escalationJobHandler } from "./escalation";
import { escalationSubjects } from "./escalation-subjects";
import type { JobHandlers } from "./runner";

export function appJobHandlers(): JobHandlers {
  const smtpUrl = env().SMTP_URL;
  return {
    [MAIL_QUEUE]: mailJobHandler(smtpUrl ? smtpTransport(smtpUrl) : null),
    [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects),
  };
}
