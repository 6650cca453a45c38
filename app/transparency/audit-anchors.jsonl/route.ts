// The signed audit heads as a file, one JSON anchor per line: the form `npm run audit:verify --
// --anchors <file>` reads (and auditors receive by email). The public key is on the page beside it.
// Kept in memory between anchors; each address is limited like the other downloads.
import { cachedAnchors } from "../_lib/cache";
import { publicDownload } from "../_lib/downloads";

export async function GET(req: Request): Promise<Response> {
  return publicDownload(req, async () => {
    const lines = (await cachedAnchors()).map((a) => `${JSON.stringify(a)}\n`).join("");
    return new Response(lines, {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit-anchors.jsonl"',
      },
    });
  });
}
