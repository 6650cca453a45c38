// /act/<token>: the page an emailed one-time link opens, without signing in. Opening it never acts
// (mail scanners fetch links): it says what the link will do, for whom, and offers one button.
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { refusedState } from "@/lib/action-links/inspect-link";
import { TOKEN_LENGTH } from "@/lib/action-links/token";
import { allowLinkRequest, previewActionLink } from "@/lib/action-links/use-link";
import { getRequestContext } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n/catalog";
import { createTranslator } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import { ActPanel } from "./act-panel";
import { confirmLinkAction } from "./actions";
import { actView, type ActView } from "./link-view";
import { linkLocale } from "./locale";

type Params = { token: string };

export async function generateMetadata(): Promise<Metadata> {
  const locale = await linkLocale(null);
  return {
    title: createTranslator(messagesFor(locale), locale, "actionLinks")("page.title"),
    referrer: "no-referrer",
    robots: { index: false, follow: false },
  };
}

async function load(
  token: string,
): Promise<{ view: ActView; locale: Awaited<ReturnType<typeof linkLocale>>; timeZone: string }> {
  const context = await getRequestContext();
  try {
    if (!(await allowLinkRequest(db(), context.sourceIp)))
      return {
        view: actView({ state: refusedState("RATE_LIMITED"), locale: await linkLocale(null) }),
        locale: await linkLocale(null),
        timeZone: "UTC",
      };
    // Anything longer than a token is not one: refused without a lookup.
    const state =
      token.length <= TOKEN_LENGTH
        ? await previewActionLink({ db: db(), token, now: await currentTime(db()), context })
        : refusedState("INVALID");
    const locale = await linkLocale(state.person?.locale);
    return {
      view: actView({ state, locale, requestId: context.requestId }),
      locale,
      timeZone: state.person?.timeZone ?? "UTC",
    };
  } catch (err) {
    log.error({ err, requestId: context.requestId }, "the emailed link's page failed");
    const locale = await linkLocale(null);
    return {
      view: actView({ state: refusedState("ERROR"), locale, requestId: context.requestId }),
      locale,
      timeZone: "UTC",
    };
  }
}

const NO_MESSAGES = {};

export default async function ActPage({ params }: { params: Promise<Params> }) {
  const { token } = await params;
  const { view, locale, timeZone } = await load(token);
  const common = createTranslator(messagesFor(locale), locale, "common");
  return (
    // The link's own language, which may differ from the browser's: its own provider, its own messages.
    <I18nProvider locale={locale} messages={NO_MESSAGES} timeZone={timeZone}>
      <ClientMessages locale={locale} scopes={["common", "errors"]}>
        <div lang={locale} className="flex min-h-screen flex-col bg-canvas">
          <header className="bg-brand-dark text-white">
            <div className="mx-auto flex max-w-xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <p className="text-lg font-semibold tracking-tight">{common("appName")}</p>
              <LanguageSwitch />
            </div>
          </header>
          <main id="main" className="flex-1 px-4 py-6">
            <div className="mx-auto w-full max-w-xl">
              <ActPanel token={token.length <= TOKEN_LENGTH ? token : ""} initial={view} action={confirmLinkAction} />
            </div>
          </main>
        </div>
      </ClientMessages>
    </I18nProvider>
  );
}
