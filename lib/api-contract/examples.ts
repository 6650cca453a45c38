// Request examples for the document: valid inputs a caller can send as they are.
const start = "2027-03-10T14:00:00-06:00";
const end = "2027-03-10T18:00:00-06:00";
const circle = { kind: "CIRCLE", center: [-87.6298, 41.8781], radiusM: 400 };

export const operationInput = {
  type: "ARREST_WARRANT",
  title: "Warrant service, 1400 block W Madison",
  area: circle,
  startsAt: start,
  endsAt: end,
  leadAgencyName: "City Police Department",
  commanderName: "Lt. Dana Reyes",
  commanderPhone: "+1 312 555 0142",
  commsPlan: "Primary on CPD Tac 2; fall back to ISPERN.",
  radioChannel: "Tac 2",
  personnelCount: 12,
  riskFlags: ["TACTICAL_TEAM", "VEHICLES"],
  notes: "",
  status: "PLANNED",
};

export const dryRun = { area: circle, startsAt: start, endsAt: end };

export const outcome = { outcome: "PROCEED_SEPARATELY", note: "Windows split: ours ends at 15:00." };

export const logRequest = {
  kind: "DETAINER",
  channel: "FAX",
  receivedAt: "2027-03-10T09:15:00-06:00",
  basisDocument: "NONE",
  basisSignedByJudge: false,
  offenceCategory: "MISDEMEANOR",
  requesterName: "ICE ERO Chicago",
};

export const decision = {
  decision: "DECLINED",
  basis: "State law: no detainer without a judicial warrant.",
  reason: "The detainer is not accompanied by a judicial warrant.",
};
