"use client";
// Naming a token, choosing its scopes and (optionally) its last day, creating it, then showing it
// once, with a copy button and a clear warning that it cannot be shown again.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { API_SCOPES } from "@/lib/api-tokens/scopes";
import { apiTokenInputSchema } from "@/lib/validation/api-token";
import { CheckboxGroup } from "../_components/checkbox-group";
import { useActionForm } from "../_components/form-state";
import { createApiTokenAction } from "./actions";

/** `zone`: the agency's time zone, named, for the expiry hint. */
export function CreateTokenForm({ zone }: { zone: string }) {
  const t = useT("api");
  const router = useRouter();
  const form = useActionForm();
  const [name, setName] = useState("");
  // None chosen at first: what a token may do is a decision, not a default.
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState("");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { name, scopes, expiresOn };
    form.submit(
      apiTokenInputSchema,
      input,
      () => createApiTokenAction(input),
      (data) => {
        setCreated(data);
        setCopied(false);
        setName("");
        setScopes([]);
        setExpiresOn("");
        router.refresh();
      },
    );
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard?.writeText(created.token).catch(() => undefined);
    setCopied(true);
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" data-testid="create-token-form">
        <TextField
          label={t("tokens.name")}
          name="name"
          value={name}
          hint={t("tokens.nameHint")}
          onChange={(e) => setName(e.target.value)}
          error={form.errorFor("name")}
          autoComplete="off"
          required
        />
        <CheckboxGroup
          legend={t("tokens.scopesLegend")}
          name="scopes"
          hint={t("tokens.scopesHint")}
          options={API_SCOPES.map((s) => ({
            value: s,
            label: `${t(`tokens.scope.${s}`)} — ${t(`tokens.scopeHint.${s}`)}`,
          }))}
          selected={scopes}
          onChange={setScopes}
          error={form.errorFor("scopes")}
        />
        <TextField
          label={t("tokens.expiresOn")}
          name="expiresOn"
          type="date"
          value={expiresOn}
          hint={t("tokens.expiresOnHint", { zone })}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={form.errorFor("expiresOn")}
        />
        <FormError message={form.formError} />
        <Button type="submit" disabled={form.pending} className="self-start">
          {t("tokens.create")}
        </Button>
      </form>
      {created ? (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="new-token">
          <p className="font-semibold text-amber-900">{t("tokens.createdTitle", { name: created.name })}</p>
          <p className="mb-2 text-sm text-amber-900">{t("tokens.showOnce")}</p>
          <label htmlFor="new-token-value" className="text-sm font-medium">
            {t("tokens.value")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="new-token-value"
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-ink"
              data-testid="new-token-value"
            />
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? t("tokens.copied") : t("tokens.copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
