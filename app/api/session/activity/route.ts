// The page reports an in-app navigation here, the one kind of person's action the server cannot
// tell from a background refresh by itself (see lib/auth/activity.ts). It pushes the idle lock back.
import { recordActivity } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const noStore = { "Cache-Control": "no-store" };
  // Only this site's pages report activity.
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return new Response(null, { status: 403, headers: noStore });
  const { actor } = await recordActivity();
  return new Response(null, { status: actor ? 204 : 401, headers: noStore });
}
