// Server-sent events for the signed-in browser: its agency's live events (type and id only),
// fed by this instance's single LISTEN connection. `?types=notice,reply` narrows the stream.
// Neither the stream nor its reconnections count as the person's activity: a page left open
// still locks after 30 minutes, and the stream then tells the page so.
import { getSessionState, sessionWatcher } from "@/lib/auth/session";
import { liveEventStream, sessionEndedStream, type SessionCheck } from "@/lib/realtime/event-stream";
import { processLiveHub } from "@/lib/realtime/process";
import { LIVE_EVENT_TYPES, type LiveEventType } from "@/lib/realtime/publish";

export const dynamic = "force-dynamic";

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass events through as they come.
  "X-Accel-Buffering": "no",
};

function typesFrom(url: string): LiveEventType[] | undefined {
  const raw = new URL(url).searchParams.get("types");
  if (!raw) return undefined;
  const wanted = raw.split(",").filter((t): t is LiveEventType => (LIVE_EVENT_TYPES as readonly string[]).includes(t));
  return wanted.length ? wanted : undefined;
}

export async function GET(req: Request): Promise<Response> {
  const { actor, reason } = await getSessionState();
  // A page reconnecting after its session ended (a laptop waking up) learns why, and shows it.
  if (!actor && reason) return new Response(sessionEndedStream(reason), { headers: SSE_HEADERS });
  const watch = actor ? await sessionWatcher() : null;
  if (!actor || !watch) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const checkSession: SessionCheck = async () => {
    const state = await watch();
    return state.actor ? { active: true } : { active: false, reason: state.reason };
  };
  const stream = liveEventStream({
    hub: processLiveHub(),
    agencyId: actor.agencyId,
    signal: req.signal,
    types: typesFrom(req.url),
    checkSession,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
