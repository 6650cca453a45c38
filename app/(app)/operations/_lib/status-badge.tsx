// An operation's status as a badge, coloured by where it stands in its lifecycle.
import { Badge } from "@/components/ui/badge";

const tones = { DRAFT: "neutral", PLANNED: "info", ACTIVE: "warn", COMPLETED: "ok", CANCELLED: "neutral" } as const;

export function StatusBadge({ status, label }: { status: keyof typeof tones; label: string }) {
  return (
    <span data-testid="operation-status" data-status={status}>
      <Badge tone={tones[status]}>{label}</Badge>
    </span>
  );
}
