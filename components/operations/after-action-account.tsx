// An after-action account as written: shown to its agency on the operation page and to the
// agencies that received the full notice on their notice page.
import type { Translate } from "@/lib/i18n/translate";
import type { AfterActionAccountView } from "@/lib/operations/after-action";

export function AfterActionAccount({
  account,
  t,
  when,
}: {
  account: AfterActionAccountView;
  t: Translate;
  when: (d: Date) => string;
}) {
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="after-action-account">
      <p className="text-muted">{t("afterAction.filedBy", { name: account.filedByName, at: when(account.filedAt) })}</p>
      <div>
        <h3 className="font-semibold">{t("afterAction.whatHappened")}</h3>
        <p className="whitespace-pre-line" data-testid="after-action-what">
          {account.whatHappened}
        </p>
      </div>
      <div>
        <h3 className="font-semibold">{t("afterAction.whyNoNotice")}</h3>
        <p className="whitespace-pre-line">{account.whyNoNotice}</p>
      </div>
      <div>
        <h3 className="font-semibold">{t("afterAction.phoneContacts")}</h3>
        {account.phoneContacts.length === 0 ? (
          <p>{t("afterAction.noPhoneContacts")}</p>
        ) : (
          <ul className="list-disc pl-5" data-testid="after-action-contacts">
            {account.phoneContacts.map((c, i) => (
              <li key={`${c.agencyId ?? "named"}-${i}`}>{c.name}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
