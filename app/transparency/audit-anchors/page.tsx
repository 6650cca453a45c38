// The audit trail's signed daily heads, published: each anchor's date, the chain position and hash
// it fixes, its Ed25519 signature, and the instance's public key, so anyone who kept an earlier
// head (or this page) can later check that the trail was not rewritten (npm run audit:verify
// --anchors <file>). Hashes and signatures only: no audit event's content leaves.
import type { Metadata } from "next";
import { getLocale, getT } from "@/app/_i18n/server";
import { instanceAnchorKey } from "@/lib/audit/anchor";
import { formatDateTime } from "@/lib/i18n/format";
import { cachedAnchors } from "../_lib/cache";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return { title: t("anchors.title") };
}

export default async function AuditAnchorsPage() {
  const [t, locale, anchors] = await Promise.all([getT("publicRecord"), getLocale(), cachedAnchors()]);
  const key = instanceAnchorKey();
  const newestFirst = [...anchors].reverse();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("anchors.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("anchors.intro")}</p>
      </div>
      <section aria-labelledby="key-title" className="rounded-lg border border-line bg-white p-4">
        <h2 id="key-title" className="text-lg font-semibold">
          {t("anchors.keyTitle")}
        </h2>
        <dl className="mt-2 grid gap-2 text-sm">
          <div>
            <dt className="text-muted">{t("anchors.publicKey")}</dt>
            <dd className="break-all font-mono" data-testid="anchor-public-key">
              {key.publicKeyBase64}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("anchors.keyId")}</dt>
            <dd className="font-mono">{key.keyId}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm">{t("anchors.howToCheck")}</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs">
          {"common-ground-audit-anchor-v1\n<seq>\n<hash>\n<eventAt>\n<signedAt>"}
        </pre>
        <p className="mt-3 text-sm">
          <a className="text-brand underline" href="/transparency/audit-anchors.jsonl" download>
            {t("anchors.download")}
          </a>
        </p>
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title" className="text-xl font-semibold">
          {t("anchors.listTitle")}
        </h2>
        {newestFirst.length === 0 ? <p className="mt-2">{t("anchors.none")}</p> : null}
        <ol className="mt-3 flex flex-col gap-3" data-testid="anchor-list">
          {newestFirst.map((a) => (
            <li key={a.seq} className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="anchor">
              <h3 className="font-semibold">
                {t("anchors.entryTitle", { date: formatDateTime(a.signedAt, "UTC", locale) })}
              </h3>
              <dl className="mt-1 grid gap-1">
                <div>
                  <dt className="text-muted">{t("anchors.seq")}</dt>
                  <dd className="font-mono">{a.seq}</dd>
                </div>
                <div>
                  <dt className="text-muted">{t("anchors.hash")}</dt>
                  <dd className="break-all font-mono" data-testid="anchor-hash">
                    {a.hash}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted">{t("anchors.eventAt")}</dt>
                  <dd className="font-mono">{a.eventAt}</dd>
                </div>
                <div>
                  <dt className="text-muted">{t("anchors.signature")}</dt>
                  <dd className="break-all font-mono">{a.signature}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
