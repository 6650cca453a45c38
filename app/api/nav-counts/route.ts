// The navigation's counts for the signed-in browser's agency, re-read by the page when a live
// event arrives or the person moves to another page. Reading them never counts as activity.
import { getActor } from "@/lib/auth/session";
import { readNavCounts } from "@/lib/dashboard/nav-counts";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const noStore = { "Cache-Control": "no-store" };
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401, headers: noStore });
  return Response.json(await readNavCounts({ db: db(), actor }), { headers: noStore });
}
