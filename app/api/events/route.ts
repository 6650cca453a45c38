// Server-sent events for the signed-in browser: its agency's live events (type and id only),
// fed by this instance's single LISTEN connection. `?types=notice,reply` narrows the stream.
import { getActor } from "@/lib/auth/session";
import { liveEventStream } from "@/lib/realtime/event-stream";
import { processLiveHub } from "@/lib/realtime/process";
import { LIVE_EVENT_TYPES, type LiveEventType } from "@/lib/realtime/publish";

export const dynamic = "force-dynamic";

function typesFrom(url: string): LiveEventType[] | undefined {
  const raw = new URL(url).searchParams.get("types");
  if (!raw) return undefined;
  const wanted = raw.split(",").filter((t): t is LiveEventType => (LIVE_EVENT_TYPES as readonly string[]).includes(t));
  return wanted.length ? wanted : undefined;
}

export async function GET(req: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const stream = liveEventStream({ hub: processLiveHub(), agencyId: actor.agencyId, signal: req.signal, types: typesFrom(req.url) });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Reverse proxies (nginx) must pass events through as they come.
      "X-Accel-Buffering": "no",
    },
  });
}
