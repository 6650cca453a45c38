// What the filing form's live check shows for one would-be conflict: the engine's facts and the
// counterpart agency with its 24/7 line, never the other operation's title, type, notes or area.
import type { DryRunConflict } from "@/lib/operations/dry-run";

export type PreviewConflict = DryRunConflict;
