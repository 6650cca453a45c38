"use client";
// What an agency admin can do to an account: change its roles, deactivate or reactivate it, and
// reset its authenticator. Each form names the user by id; the server decides whether that id is
// in the admin's agency.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { changeRolesSchema, ROLE_LIST } from "@/lib/validation/user";
import { changeRolesAction, deactivateUserAction, reactivateUserAction, resetMfaAction } from "../actions";
import { CheckboxGroup } from "./checkbox-group";
import { useActionForm } from "./form-state";

/** A destructive step asks once more before it is sent; the question is read with the button. */
function ConfirmedSubmit(props: {
  id: string;
  label: string;
  question: string;
  yes: string;
  variant: "danger" | "secondary";
  pending: boolean;
  asking: boolean;
  setAsking: (v: boolean) => void;
}) {
  const t = useT("admin");
  if (!props.asking) {
    return (
      <Button type="button" variant={props.variant} onClick={() => props.setAsking(true)} className="self-start">
        {props.label}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-slate-50 p-3">
      <p id={`${props.id}-question`}>{props.question}</p>
      <div className="flex flex-wrap gap-2">
        {/* Focus moves to the answer, so a keyboard or screen reader user hears the question first. */}
        <Button
          type="submit"
          variant={props.variant}
          disabled={props.pending}
          autoFocus
          aria-describedby={`${props.id}-question`}
        >
          {props.yes}
        </Button>
        <Button type="button" variant="secondary" onClick={() => props.setAsking(false)}>
          {t("user.cancel")}
        </Button>
      </div>
    </div>
  );
}

function Saved({ show, children, testId }: { show: boolean; children: string; testId: string }) {
  return (
    <p aria-live="polite" className="text-sm font-medium text-ok" data-testid={testId}>
      {show ? children : null}
    </p>
  );
}

export function RolesForm({
  userId,
  current,
  roleLabels,
}: {
  userId: string;
  current: string[];
  roleLabels: Record<string, string>;
}) {
  const t = useT("admin");
  const router = useRouter();
  const form = useActionForm();
  const [roles, setRoles] = useState<string[]>(current);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { userId, roles };
    form.submit(
      changeRolesSchema,
      input,
      () => changeRolesAction(input),
      () => router.refresh(),
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="roles-form">
      <CheckboxGroup
        legend={t("user.roles")}
        name="roles"
        options={ROLE_LIST.map((r) => ({ value: r, label: roleLabels[r] }))}
        selected={roles}
        onChange={setRoles}
        error={form.errorFor("roles")}
      />
      <FormError message={form.formError} />
      <Saved show={form.done} testId="roles-saved">
        {t("user.rolesSaved")}
      </Saved>
      <Button type="submit" disabled={form.pending} className="self-start">
        {t("user.saveRoles")}
      </Button>
    </form>
  );
}

export function AccessForm({ userId, active }: { userId: string; active: boolean }) {
  const t = useT("admin");
  const router = useRouter();
  const form = useActionForm();
  const [message, setMessage] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAsking(false);
    const input = { userId };
    if (active) {
      form.submit(
        null,
        input,
        () => deactivateUserAction(input),
        (data) => {
          setMessage(t("user.deactivated", { count: data.revokedSessions }));
          router.refresh();
        },
      );
    } else {
      form.submit(
        null,
        input,
        () => reactivateUserAction(input),
        () => {
          setMessage(t("user.reactivated"));
          router.refresh();
        },
      );
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="access-form">
      <p className="text-sm text-muted">{t("user.deactivateHint")}</p>
      <FormError message={form.formError} />
      <Saved show={form.done && message !== null} testId="access-saved">
        {message ?? ""}
      </Saved>
      {active ? (
        <ConfirmedSubmit
          id="deactivate"
          label={t("user.deactivate")}
          question={t("user.confirmDeactivate")}
          yes={t("user.confirmDeactivateYes")}
          variant="danger"
          pending={form.pending}
          asking={asking}
          setAsking={setAsking}
        />
      ) : (
        <Button type="submit" disabled={form.pending} className="self-start">
          {t("user.reactivate")}
        </Button>
      )}
    </form>
  );
}

export function ResetMfaForm({ userId }: { userId: string }) {
  const t = useT("admin");
  const router = useRouter();
  const form = useActionForm();
  const [asking, setAsking] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAsking(false);
    const input = { userId };
    form.submit(
      null,
      input,
      () => resetMfaAction(input),
      () => router.refresh(),
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="reset-mfa-form">
      <p className="text-sm text-muted">{t("user.resetMfaHint")}</p>
      <FormError message={form.formError} />
      <Saved show={form.done} testId="mfa-reset-saved">
        {t("user.mfaReset")}
      </Saved>
      <ConfirmedSubmit
        id="reset-mfa"
        label={t("user.resetMfa")}
        question={t("user.confirmResetMfa")}
        yes={t("user.confirmResetMfaYes")}
        variant="secondary"
        pending={form.pending}
        asking={asking}
        setAsking={setAsking}
      />
    </form>
  );
}
