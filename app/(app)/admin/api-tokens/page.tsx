// The agency's API tokens, for CAD and RMS systems: create one with its scopes and optional last
// day (shown once), see who created each, what it may do, when it was last used and when it
// expires, revoke. Tokens whose creator's account has been deactivated are flagged. Only the
// agency's own admins reach it.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { listApiTokens } from "@/lib/api-tokens/manage-tokens";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { AdminNav } from "../_components/admin-nav";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("api");
  return { title: t("tokens.title") };
}

export default async function ApiTokensPage() {
  const actor = await requireActor();
  const tokens = await loadOrNotFound(() => listApiTokens({ db: db(), actor }));
  const [t, ta, locale] = await Promise.all([getT("api"), getT("admin"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const now = await currentTime(db());
  const live = (token: (typeof tokens)[number]) => !token.revokedAt && !(token.expiresAt && token.expiresAt <= now);
  const orphaned = tokens.filter((token) => live(token) && token.createdBy && !token.createdBy.active).length;
  const zone = zoneLabel(actor.agencyTimeZone, locale);

  return (
    <>
      <PageHeader title={ta("title")} description={ta("description", { agency: actor.agencyName })} />
      <AdminNav current="apiTokens" />
      <h2 className="mb-1 text-lg font-semibold">{t("tokens.title")}</h2>
      <p className="mb-1 text-sm text-muted">{t("tokens.description")}</p>
      <p className="mb-1 text-sm text-muted">{t("tokens.usage")}</p>
      <p className="mb-6 text-sm text-muted">{t("tokens.timeZone", { zone })}</p>
      <section className="mb-8 rounded-lg border border-line bg-white p-6" aria-labelledby="create-token-heading">
        <h3 id="create-token-heading" className="mb-3 font-semibold">
          {t("tokens.createTitle")}
        </h3>
        <CreateTokenForm zone={zone} />
      </section>
      {orphaned > 0 ? (
        <div
          className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-900"
          data-testid="orphaned-tokens"
        >
          <p className="font-semibold">{t("tokens.orphanedTitle", { count: orphaned })}</p>
          <p className="text-sm">{t("tokens.orphanedBody")}</p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="api-tokens">
            <caption className="sr-only">{t("tokens.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.prefix")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.scopes")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.createdBy")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.created")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.expires")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.lastUsed")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("tokens.columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("tokens.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-line" data-testid={`token-row-${token.prefix}`}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {token.name}
                  </th>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2" data-testid="token-scopes">
                    {token.scopes.map((s) => t(`tokens.scope.${s}`)).join(", ")}
                  </td>
                  <td className="px-3 py-2">
                    {token.createdBy ? token.createdBy.name : t("tokens.unknownCreator")}
                    {token.createdBy && !token.createdBy.active ? (
                      <>
                        {" "}
                        <Badge tone="warn">{t("tokens.creatorDeactivated")}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{when(token.createdAt)}</td>
                  <td className="px-3 py-2">{token.expiresAt ? when(token.expiresAt) : t("tokens.noExpiry")}</td>
                  <td className="px-3 py-2">{token.lastUsedAt ? when(token.lastUsedAt) : t("tokens.neverUsed")}</td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? (
                      <Badge tone="danger">{t("tokens.revokedAt", { at: when(token.revokedAt) })}</Badge>
                    ) : token.expiresAt && token.expiresAt <= now ? (
                      <Badge tone="danger">{t("tokens.expiredAt", { at: when(token.expiresAt) })}</Badge>
                    ) : (
                      <Badge tone="ok">{t("tokens.active")}</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? null : <RevokeTokenButton tokenId={token.id} name={token.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
