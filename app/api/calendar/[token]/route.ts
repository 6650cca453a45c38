// The iCalendar feed behind an agency's secret feed URL. Calendar apps cannot sign in: the
// token in the path is the credential, revocable by the agency's admins. Unknown or revoked
// tokens get a plain 404 that says nothing about why.
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { agencyCalendar } from "@/lib/ical/agency-feed";
import { resolveCalendarFeedToken } from "@/lib/ical/feed-tokens";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

export async function GET(_req: Request, ctx: Ctx): Promise<Response> {
  try {
    const { token } = await ctx.params;
    const now = await currentTime(db());
    const feed = await resolveCalendarFeedToken({ db: db(), token: token.replace(/\.ics$/, ""), now });
    if (!feed) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    const t = createTranslator(messagesFor(DEFAULT_LOCALE), DEFAULT_LOCALE, "mail");
    const body = await agencyCalendar({ db: db(), agencyId: feed.agencyId, agencyName: feed.agencyName, now, title: t("calendar.title", { agency: feed.agencyName }), description: t("calendar.description") });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="common-ground.ics"',
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (err) {
    log.error({ err }, "calendar feed failed");
    return new Response("Temporarily unavailable\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "300" } });
  }
}
