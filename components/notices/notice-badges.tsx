// The small facts a notice carries everywhere it is listed: kind, unread, exigent, late,
// acknowledged. Each is a word, not a colour alone.
import type { Translate } from "@/lib/i18n/translate";
import { leadHours } from "@/lib/notices/lead-time";
import { Badge } from "@/components/ui/badge";

type BadgeFacts = {
  kind: string;
  exigent: boolean;
  late: boolean;
  requiresAck: boolean;
  acknowledgedAt: Date | null;
  readAt?: Date | null;
  superseded?: boolean;
  assistanceDecision?: string | null;
};

/** `t` is the "notices" namespace translator. */
/** `statusLabel`: the operation's status change an update carries ("Now under way", "Completed"). */
export function NoticeBadges({
  n,
  t,
  showUnread = false,
  statusLabel,
}: {
  n: BadgeFacts;
  t: Translate;
  showUnread?: boolean;
  statusLabel?: string | null;
}) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {showUnread && !n.readAt ? (
        <Badge tone="info">
          <span data-testid="badge-unread">{t("status.unread")}</span>
        </Badge>
      ) : null}
      <Badge tone={n.kind === "CANCELLATION" ? "neutral" : n.kind === "CONFLICT" ? "danger" : "info"}>
        {t(`kinds.${n.kind}`)}
      </Badge>
      {statusLabel ? (
        <Badge tone="neutral">
          <span data-testid="badge-operation-status">{statusLabel}</span>
        </Badge>
      ) : null}
      {n.exigent ? <Badge tone="danger">{t("status.exigent")}</Badge> : null}
      {n.late ? (
        <Badge tone="warn">
          <span data-testid="badge-late">{t("lead.late")}</span>
        </Badge>
      ) : null}
      {n.superseded ? <Badge tone="neutral">{t("status.superseded")}</Badge> : null}
      {n.assistanceDecision ? (
        <Badge tone={n.assistanceDecision === "ACCEPTED" ? "ok" : "neutral"}>
          {t(`decisions.${n.assistanceDecision}`)}
        </Badge>
      ) : null}
      {n.requiresAck ? (
        n.acknowledgedAt ? (
          <Badge tone="ok">
            <span data-testid="badge-acknowledged">{t("status.acknowledged")}</span>
          </Badge>
        ) : (
          <Badge tone="warn">
            <span data-testid="badge-not-acknowledged">{t("status.notAcknowledged")}</span>
          </Badge>
        )
      ) : (
        <Badge tone="neutral">{t("status.noAckNeeded")}</Badge>
      )}
    </span>
  );
}

/** "30 h before the start · 24 h required", from the notices translator. */
export function leadTimeText(t: Translate, leadMinutes: number, requiredLeadHours: number): string {
  const hours = leadHours(leadMinutes);
  const given = hours >= 0 ? t("lead.before", { hours }) : t("lead.after", { hours: -hours });
  return `${given} · ${t("lead.required", { hours: requiredLeadHours })}`;
}

/** The reasons an agency was notified, as words. */
export function reasonsText(t: Translate, reasons: readonly string[]): string {
  return (reasons.length ? reasons : ["NONE"]).map((r) => t(`reasons.${r}`)).join(", ");
}
