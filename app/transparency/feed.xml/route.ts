// The public record's Atom feed: new policies, agreement and statement versions, and reports.
// Read once per publication (app/transparency/_lib/cache.ts); shared caches keep it five minutes.
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/catalog";
import { createTranslator } from "@/lib/i18n/translate";
import { atomFeed } from "@/lib/public-record/atom";
import { cachedPublications } from "../_lib/cache";
import { PUBLIC_CACHE, publicDownload } from "../_lib/downloads";

export async function GET(req: Request): Promise<Response> {
  return publicDownload(req, async () => {
    const t = createTranslator(messagesFor(DEFAULT_LOCALE), DEFAULT_LOCALE, "publicRecord");
    const baseUrl = env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? new URL(req.url).origin;
    const body = atomFeed({
      baseUrl,
      title: t("public.feedTitle"),
      entries: await cachedPublications(50),
      updatedFallback: new Date(0).toISOString(),
      versionTitle: (e) =>
        t("public.feedVersion", { agency: e.agency.name, title: e.title ?? "", version: e.version ?? 1 }),
      reportTitle: (e) => t("public.feedReport", { agency: e.agency.name, period: e.period ?? "" }),
    });
    return new Response(body, {
      headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE },
    });
  });
}
