// What a notice says, laid out for reading: who and when, lead time, command and comms, the
// community side (impact, public-information contact, the approved statement in both languages),
// exigent grounds, and — for an agency told only of a conflict — the overlap and whom to call.
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/notices/notice-view";
import { pointSummary } from "@/lib/notices/area-text";
import { Badge } from "@/components/ui/badge";
import { leadTimeText, reasonsText } from "./notice-badges";

type Props = { n: NoticeView; t: Translate; tOps: Translate; when: (d: Date | string) => string };

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd data-testid={testId} className="whitespace-pre-line">
        {children}
      </dd>
    </>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white p-4">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const grid = "grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]";

export function NoticeFacts({ n, t, tOps, when }: Props) {
  const c = n.content;
  const none = t("detail.none");
  return (
    <div className="flex flex-col gap-4">
      <Section title={t(`kinds.${n.kind}`)} id="facts-basics">
        <dl className={grid}>
          <Row label={t("detail.from")} testId="notice-from">
            {n.sender.name}
          </Row>
          <Row label={t("detail.to")} testId="notice-to">
            {n.recipient.name}
          </Row>
          <Row label={t("detail.sentAt")}>{when(n.sentAt)}</Row>
          <Row label={t("detail.when")} testId="notice-when">
            {when(n.startsAt)} – {when(n.endsAt)}
          </Row>
          <Row label={t("detail.leadTime")} testId="notice-lead">
            {leadTimeText(t, n.leadMinutes, n.requiredLeadHours)}
            {n.late ? (
              <span className="ml-2">
                <Badge tone="warn">{t("lead.late")}</Badge>
              </span>
            ) : null}
          </Row>
          <Row label={t("detail.why")}>{reasonsText(t, n.reasons)}</Row>
          {c.operation ? <Row label={t("detail.type")}>{tOps(`types.${c.operation.type}`)}</Row> : null}
          {c.contact.leadAgencyName ? <Row label={t("detail.leadAgency")}>{c.contact.leadAgencyName}</Row> : null}
          <Row label={t("detail.commander")} testId="notice-commander">
            {c.contact.commanderName}
          </Row>
          <Row label={t("detail.commanderPhone")}>
            <a href={`tel:${c.contact.commanderPhone.replace(/[^+\d]/g, "")}`} className="text-brand-dark underline">
              {c.contact.commanderPhone}
            </a>
          </Row>
          <Row label={t("detail.agencyPhone")}>{c.sender.phone24x7}</Row>
          {c.operation ? (
            <>
              <Row label={t("detail.commsPlan")}>{c.operation.commsPlan}</Row>
              {c.operation.radioChannel ? <Row label={t("detail.radioChannel")}>{c.operation.radioChannel}</Row> : null}
              {c.operation.talkgroup ? <Row label={t("detail.talkgroup")}>{c.operation.talkgroup}</Row> : null}
              {c.operation.interopChannel ? (
                <Row label={t("detail.interopChannel")}>{c.operation.interopChannel}</Row>
              ) : null}
              <Row label={t("detail.riskFlags")}>
                {c.operation.riskFlags.length
                  ? c.operation.riskFlags.map((f) => tOps(`riskFlags.${f}`)).join(", ")
                  : none}
              </Row>
            </>
          ) : null}
        </dl>
      </Section>

      {c.exigent ? (
        <Section title={t("detail.exigent")} id="facts-exigent">
          {c.scope === "CONFLICT" ? (
            <p className="text-sm" data-testid="notice-exigent">
              {t("detail.exigentNeedToKnow")}
            </p>
          ) : (
            <dl className={grid} data-testid="notice-exigent">
              <Row label={t("detail.exigentReason")}>
                {c.exigent.reason ? t(`exigentReasons.${c.exigent.reason}`) : none}
              </Row>
              {c.exigent.text ? <Row label={t("detail.exigentText")}>{c.exigent.text}</Row> : null}
              <Row label={t("detail.exigentSignOff")}>{c.exigent.signOff ?? none}</Row>
              {c.exigent.signedOffAt ? (
                <Row label={t("detail.exigentSignedOffAt")}>{when(c.exigent.signedOffAt)}</Row>
              ) : null}
            </dl>
          )}
        </Section>
      ) : null}

      {c.scope === "CONFLICT" ? (
        <Section title={t("detail.conflict")} id="facts-conflict">
          <p className="mb-3 text-sm text-muted">{t("detail.conflictIntro")}</p>
          <ul className="flex flex-col gap-2 text-sm" data-testid="notice-conflicts">
            {c.conflicts.map((o, i) => (
              <li key={i}>
                <dl className={grid}>
                  <Row label={t("detail.overlap")}>
                    {o.overlapStart && o.overlapEnd ? `${when(o.overlapStart)} – ${when(o.overlapEnd)}` : none}
                  </Row>
                  <Row label={t("detail.whereApprox")}>{pointSummary(o.where)}</Row>
                  {o.yourOperationRef ? <Row label={t("detail.yourOperation")}>{o.yourOperationRef}</Row> : null}
                </dl>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {c.scope === "FULL" ? (
        <Section title={t("detail.impact")} id="facts-community">
          <dl className={grid}>
            <Row label={t("detail.roadClosures")}>{c.impact?.roadClosures ?? none}</Row>
            <Row label={t("detail.schools")}>{c.impact?.schools ?? none}</Row>
            <Row label={t("detail.crowding")}>{c.impact?.crowding ?? none}</Row>
            <Row label={t("detail.pio")} testId="notice-pio">
              {c.pio ? [c.pio.name, c.pio.phone, c.pio.email].filter(Boolean).join(" · ") : none}
            </Row>
          </dl>
          <h3 className="mt-4 mb-2 font-semibold">{t("detail.statement")}</h3>
          {c.publicStatement ? (
            <div className="grid gap-3 sm:grid-cols-2" data-testid="notice-statement">
              <blockquote lang="en" className="rounded border border-line bg-slate-50 p-3 text-sm">
                <p className="mb-1 text-xs font-semibold text-muted">{t("detail.statementEn")}</p>
                {c.publicStatement.en}
              </blockquote>
              <blockquote lang="es" className="rounded border border-line bg-slate-50 p-3 text-sm">
                <p className="mb-1 text-xs font-semibold text-muted">{t("detail.statementEs")}</p>
                {c.publicStatement.es}
              </blockquote>
            </div>
          ) : (
            <p className="text-sm" data-testid="notice-statement">
              {t("detail.noStatement")}
            </p>
          )}
        </Section>
      ) : null}

      {c.assistance ? (
        <Section title={t("detail.assistance")} id="facts-assistance">
          <dl className={grid} data-testid="notice-assistance">
            <Row label={t("assistance.kinds")}>
              {c.assistance.kinds.map((k) => t(`assistanceKinds.${k}`)).join(", ")}
            </Row>
            {c.assistance.note ? <Row label={t("detail.assistanceNote")}>{c.assistance.note}</Row> : null}
            {n.assistanceDecision ? (
              <>
                <Row label={t("detail.decision")} testId="assistance-decision">
                  {t(`decisions.${n.assistanceDecision}`)}
                </Row>
                {n.assistanceReason ? <Row label={t("detail.decisionReason")}>{n.assistanceReason}</Row> : null}
              </>
            ) : null}
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
