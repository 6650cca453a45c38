// A conflict's severity as a coloured badge; the caller passes the translated label.
import { Badge } from "@/components/ui/badge";
import type { Severity } from "./facts-text";

const tones = { HIGH: "danger", MEDIUM: "warn", LOW: "info" } as const;

export function SeverityLabel({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span data-testid="severity" data-severity={severity}>
      <Badge tone={tones[severity]}>{label}</Badge>
    </span>
  );
}
