import type { ReactNode } from "react";

type Tone = "neutral" | "info" | "warn" | "danger" | "ok";

const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800 border-slate-300",
  info: "bg-blue-50 text-blue-900 border-blue-300",
  warn: "bg-amber-50 text-amber-900 border-amber-400",
  danger: "bg-red-50 text-red-900 border-red-400",
  ok: "bg-green-50 text-green-900 border-green-400",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>
      {children}
    </span>
  );
}
