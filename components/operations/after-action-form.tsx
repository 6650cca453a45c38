"use client";
// Writing an exigent operation's after-action account: what happened, why notice could not be
// given in advance, and which agencies were called by phone (ticked from the directory, or named).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextArea } from "@/components/ui/field";
import { afterActionSchema } from "@/lib/validation/follow-up";

export type AfterActionAction = (input: unknown) => Promise<ActionResult<{ sharedWith: number }>>;

export function AfterActionForm({
  agencies,
  action,
}: {
  agencies: { id: string; name: string }[];
  action: AfterActionAction;
}) {
  const t = useT("followUp.afterAction");
  const issueText = useIssueText();
  const router = useRouter();
  const [whatHappened, setWhat] = useState("");
  const [whyNoNotice, setWhy] = useState("");
  const [called, setCalled] = useState<string[]>([]);
  const [others, setOthers] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const named = others
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    const input = { whatHappened, whyNoNotice, phoneContacts: [...called.map((agencyId) => ({ agencyId })), ...named] };
    const parsed = afterActionSchema.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      setFormError("errors.validation");
      return;
    }
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await action(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.split(".")[0], v])));
        return setFormError(result.formError);
      }
      router.refresh();
    } catch {
      setFormError("errors.generic");
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? issueText(errors[name]) : undefined);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="after-action-form">
      <FormError message={formError ? issueText(formError) : null} />
      <p
        id="after-action-warning"
        className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        {t("warning")}
      </p>
      <TextArea
        label={t("whatHappened")}
        name="whatHappened"
        value={whatHappened}
        onChange={(e) => setWhat(e.target.value)}
        error={err("whatHappened")}
        hint={t("whatHappenedHint")}
        rows={4}
        required
      />
      <TextArea
        label={t("whyNoNotice")}
        name="whyNoNotice"
        value={whyNoNotice}
        onChange={(e) => setWhy(e.target.value)}
        error={err("whyNoNotice")}
        rows={3}
        required
      />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={err("phoneContacts") ? "phoneContacts-error" : undefined}
      >
        <legend className="text-sm font-medium">{t("phoneContacts")}</legend>
        <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-line p-2 sm:grid-cols-2">
          {agencies.map((a) => (
            <label key={a.id} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={called.includes(a.id)}
                onChange={(e) => setCalled((c) => (e.target.checked ? [...c, a.id] : c.filter((x) => x !== a.id)))}
                data-testid="called-agency"
                data-agency={a.name}
              />
              {a.name}
            </label>
          ))}
        </div>
        {err("phoneContacts") ? (
          <p id="phoneContacts-error" className="text-sm font-medium text-danger">
            {err("phoneContacts")}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        label={t("otherContacts")}
        name="otherContacts"
        value={others}
        onChange={(e) => setOthers(e.target.value)}
        hint={t("otherContactsHint")}
        rows={2}
      />
      <Button type="submit" disabled={pending} className="self-start" data-testid="file-after-action">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
