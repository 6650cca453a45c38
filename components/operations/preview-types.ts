// What the filing form's live check shows for one would-be conflict: with the actor's own agency's
// operation, the engine's facts; with another agency's, only that agency, its 24/7 line and the
// hours the two meet — never the other operation's title, type, notes, area or exact times.
import type { DryRunConflict, OtherAgencyConflict, OwnAgencyConflict } from "@/lib/operations/dry-run";

export type PreviewConflict = DryRunConflict;
export type OwnPreviewConflict = OwnAgencyConflict;
export type OtherAgencyPreviewConflict = OtherAgencyConflict;
