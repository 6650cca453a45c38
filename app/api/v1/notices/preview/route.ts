// POST /api/v1/notices/preview — who would be notified of an operation with this area and window
// (and added agencies), the lead time each asks for, and whether filing would have to be exigent.
// A dry run like /deconfliction/check: the same size and window caps (422), the same allowance
// (429 with Retry-After), and the box looked at kept on the request's audit event.
import { recipientPreview } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { previewRecipients } from "@/lib/notices/preview-recipients";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, addAuditDetails }) =>
  respond(
    recipientPreview,
    await previewRecipients({
      db: db(),
      actor,
      input: await readBody(req),
      now,
      sink: (dryRun) => addAuditDetails({ dryRun }),
    }),
  ),
);
