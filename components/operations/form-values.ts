// The filing form's field values as the inputs hold them (text), and how a stored operation
// becomes them again for editing.
import { utcToZonedWallTime } from "@/lib/i18n/format";

export type OperationFormValues = {
  type: string;
  title: string;
  startsAt: string;
  endsAt: string;
  leadAgencyName: string;
  commanderName: string;
  commanderPhone: string;
  commsPlan: string;
  radioChannel: string;
  talkgroup: string;
  interopChannel: string;
  personnelCount: string;
  riskFlags: string[];
  notes: string;
};

export function emptyValues(leadAgencyName: string): OperationFormValues {
  return {
    type: "",
    title: "",
    startsAt: "",
    endsAt: "",
    leadAgencyName,
    commanderName: "",
    commanderPhone: "",
    commsPlan: "",
    radioChannel: "",
    talkgroup: "",
    interopChannel: "",
    personnelCount: "",
    riskFlags: [],
    notes: "",
  };
}

type Stored = {
  type: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  leadAgencyName: string;
  commanderName: string;
  commanderPhone: string;
  commsPlan: string;
  radioChannel: string | null;
  talkgroup: string | null;
  interopChannel: string | null;
  personnelCount: number;
  riskFlags: string[];
  notes: string;
};

export function valuesFromOperation(op: Stored, timeZone: string): OperationFormValues {
  return {
    type: op.type,
    title: op.title,
    startsAt: utcToZonedWallTime(op.startsAt, timeZone),
    endsAt: utcToZonedWallTime(op.endsAt, timeZone),
    leadAgencyName: op.leadAgencyName,
    commanderName: op.commanderName,
    commanderPhone: op.commanderPhone,
    commsPlan: op.commsPlan,
    radioChannel: op.radioChannel ?? "",
    talkgroup: op.talkgroup ?? "",
    interopChannel: op.interopChannel ?? "",
    personnelCount: String(op.personnelCount),
    riskFlags: [...op.riskFlags],
    notes: op.notes,
  };
}

/** A new filing from an earlier one: everything but the times (the area is left out by the page). */
export function valuesFromCopy(op: Omit<Stored, "startsAt" | "endsAt">): OperationFormValues {
  return {
    ...valuesFromOperation({ ...op, startsAt: new Date(0), endsAt: new Date(0) }, "UTC"),
    startsAt: "",
    endsAt: "",
  };
}

type Defaults = {
  commanderName: string | null;
  commanderPhone: string | null;
  commsPlan: string | null;
  radioChannel: string | null;
};

/** A blank filing with the person's saved defaults filled in. */
export function valuesWithDefaults(leadAgencyName: string, d: Defaults | null): OperationFormValues {
  const blank = emptyValues(leadAgencyName);
  if (!d) return blank;
  return {
    ...blank,
    commanderName: d.commanderName ?? "",
    commanderPhone: d.commanderPhone ?? "",
    commsPlan: d.commsPlan ?? "",
    radioChannel: d.radioChannel ?? "",
  };
}
