import Link from "next/link";
import { getT } from "./_i18n/server";

export default async function NotFound() {
  const t = await getT("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("errorPage.notFoundTitle")}</h1>
      <p className="mt-3 text-muted">{t("errorPage.notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block text-brand underline">
        {t("errorPage.home")}
      </Link>
    </main>
  );
}
