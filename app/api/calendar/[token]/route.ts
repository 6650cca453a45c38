// The iCalendar feed behind an agency's secret feed URL. Calendar apps cannot sign in: the
// token in the path is the credential, revocable by the agency's admins. Unknown or revoked
// tokens get a plain 404 that says nothing about why.
//
// Throttled two ways (lib/rate-limit/limits.ts): each feed token may be fetched `calendarFeed`
// times an hour (a calendar app polls every few minutes at most), and unknown tokens count against
// the client address's `anonymousAddress` limit — past either, 429 with Retry-After. Unknown
// tokens are audited by sample: the first per address in a window, the rest in a summary.
import { addressKey, countAddressRefusal, refuseIfBlocked } from "@/lib/api-tokens/address-refusals";
import { sampleRefusal } from "@/lib/api-tokens/refusal-audit";
import { recordRequestAudit } from "@/lib/api-tokens/request-audit";
import { requestContextFrom } from "@/lib/auth/request-context";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { mapError } from "@/lib/http/error-mapping";
import { messagesFor } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { agencyCalendar } from "@/lib/ical/agency-feed";
import { resolveCalendarFeedToken } from "@/lib/ical/feed-tokens";
import { log } from "@/lib/log";
import { consume } from "@/lib/rate-limit/limiter";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

function tooMany(retryAfter: number): Response {
  return new Response("Too many requests\n", { status: 429, headers: { ...TEXT, "Retry-After": String(retryAfter) } });
}

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const context = requestContextFrom(req.headers);
  try {
    const { token } = await ctx.params;
    const now = await currentTime(db());
    refuseIfBlocked(context.sourceIp);
    const feed = await resolveCalendarFeedToken({ db: db(), token: token.replace(/\.ics$/, ""), now });
    if (!feed) {
      await refuseUnknown(context, now);
      return new Response("Not found\n", { status: 404, headers: TEXT });
    }
    const verdict = await consume(db(), "calendarFeed", `feed:${feed.feedId}`);
    if (!verdict.allowed) return tooMany(verdict.retryAfterSec);
    const t = createTranslator(messagesFor(DEFAULT_LOCALE), DEFAULT_LOCALE, "mail");
    const body = await agencyCalendar({
      db: db(),
      agencyId: feed.agencyId,
      agencyName: feed.agencyName,
      now,
      title: t("calendar.title", { agency: feed.agencyName }),
      description: t("calendar.description"),
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="common-ground.ics"',
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (err) {
    const failure = mapError(err, context.requestId);
    if (failure.status === 429) return tooMany(failure.retryAfter ?? 60);
    log.error({ err, requestId: failure.requestId }, "calendar feed failed");
    return new Response("Temporarily unavailable\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "300" },
    });
  }
}

/** Counts an unknown token against the address (throws RateLimitError past the limit); audits a sample. */
async function refuseUnknown(context: { requestId: string; sourceIp: string | null }, now: Date): Promise<void> {
  try {
    await countAddressRefusal(db(), context.sourceIp);
  } finally {
    if (sampleRefusal(db(), addressKey(context.sourceIp), "calendar.404", context.sourceIp)) {
      await recordRequestAudit(db(), {
        action: "calendar.feed.refused",
        targetType: "CalendarFeedToken",
        targetId: null,
        outcome: "DENIED",
        details: { status: 404 },
        at: now,
        actorUserId: null,
        actorLabel: "calendar-anonymous",
        agencyId: null,
        requestId: context.requestId,
        sourceIp: context.sourceIp,
      });
    }
  }
}
