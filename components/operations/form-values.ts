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
