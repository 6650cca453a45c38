// Builds an OASIS Common Alerting Protocol 1.2 <alert> from a plain notice-like object, so
// other agencies' systems can take in a notice. Validated against the official schema in tests.
import { CapInputError, geometryToCap, type CapGeometry } from "./area";
import { leaf, renderXml, type XmlNode } from "./xml";

export const CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

export type CapMsgType = "Alert" | "Update" | "Cancel" | "Ack";
export type CapUrgency = "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
export type CapSeverity = "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
export type CapCertainty = "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
export type CapResponseType = "Prepare" | "Execute" | "Avoid" | "Monitor" | "Assess" | "AllClear" | "None";

export type CapReference = { sender: string; identifier: string; sent: Date };

export type CapInfo = {
  /** RFC 3066 language, e.g. "en-US", "es-US". */
  language: string;
  event: string;
  responseType?: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  effective?: Date;
  onset?: Date;
  expires?: Date;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameters?: { valueName: string; value: string }[];
  /** A generalised, human-readable description of the area in this language. */
  areaDesc: string;
};

export type CapAlertInput = {
  identifier: string;
  sender: string;
  sent: Date;
  status?: "Actual" | "Exercise" | "System" | "Test" | "Draft";
  msgType: CapMsgType;
  scope: { kind: "Restricted"; restriction: string } | { kind: "Private"; addresses: string[] };
  source?: string;
  note?: string;
  /** Earlier messages this one updates, cancels or acknowledges. */
  references?: CapReference[];
  incidents?: string[];
  /** Shared by every info block; omitted for an Ack without area. */
  geometry?: CapGeometry;
  infos: CapInfo[];
};

/** CAP's dateTime: seconds precision, explicit offset, and UTC written as "-00:00". */
export function capDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new CapInputError("Invalid date");
  return `${date.toISOString().slice(0, 19)}-00:00`;
}

// CAP 1.2 §3.2.1: identifier and sender must not contain spaces, commas or the restricted characters < and &.
function checkToken(label: string, value: string): string {
  if (!value || /[\s,<&]/.test(value))
    throw new CapInputError(`${label} must be non-empty without spaces, commas, < or &: ${JSON.stringify(value)}`);
  return value;
}

/** Space-separated; an address containing whitespace is enclosed in double quotes (CAP 1.2 §3.2.1). */
function capAddresses(addresses: string[]): string {
  if (addresses.length === 0) throw new CapInputError("Private scope needs at least one address");
  return addresses
    .map((a) => {
      if (a.includes('"')) throw new CapInputError(`An address cannot contain a double quote: ${a}`);
      return /\s/.test(a) ? `"${a}"` : a;
    })
    .join(" ");
}

function capReferences(refs: CapReference[]): string {
  return refs
    .map(
      (r) =>
        `${checkToken("reference sender", r.sender)},${checkToken("reference identifier", r.identifier)},${capDateTime(r.sent)}`,
    )
    .join(" ");
}

function infoNode(info: CapInfo, area: { polygons: string[]; circles: string[] } | null): XmlNode {
  const time = (d?: Date) => (d ? capDateTime(d) : null);
  return {
    name: "info",
    children: [
      leaf("language", info.language),
      leaf("category", "Security"),
      leaf("event", info.event),
      ...(info.responseType ?? []).map((r) => leaf("responseType", r)),
      leaf("urgency", info.urgency),
      leaf("severity", info.severity),
      leaf("certainty", info.certainty),
      leaf("effective", time(info.effective)),
      leaf("onset", time(info.onset)),
      leaf("expires", time(info.expires)),
      leaf("senderName", info.senderName),
      leaf("headline", info.headline),
      leaf("description", info.description),
      leaf("instruction", info.instruction),
      leaf("web", info.web),
      leaf("contact", info.contact),
      ...(info.parameters ?? []).map((p) => ({
        name: "parameter",
        children: [
          { name: "valueName", text: p.valueName },
          { name: "value", text: p.value },
        ],
      })),
      area
        ? {
            name: "area",
            children: [
              { name: "areaDesc", text: info.areaDesc },
              ...area.polygons.map((p) => leaf("polygon", p)),
              ...area.circles.map((c) => leaf("circle", c)),
            ],
          }
        : null,
    ],
  };
}

export function buildCapAlert(input: CapAlertInput): string {
  const needsReferences = input.msgType !== "Alert";
  if (needsReferences && !input.references?.length)
    throw new CapInputError(`${input.msgType} must reference the message it concerns`);
  if (input.msgType !== "Ack" && input.infos.length === 0)
    throw new CapInputError("An alert needs at least one info block");
  const languages = input.infos.map((i) => i.language);
  if (new Set(languages).size !== languages.length) throw new CapInputError("One info block per language");
  if (input.scope.kind === "Restricted" && !input.scope.restriction.trim())
    throw new CapInputError("Restricted scope needs a restriction");

  const area = input.geometry ? geometryToCap(input.geometry) : null;
  const root: XmlNode = {
    name: "alert",
    children: [
      leaf("identifier", checkToken("identifier", input.identifier)),
      leaf("sender", checkToken("sender", input.sender)),
      leaf("sent", capDateTime(input.sent)),
      leaf("status", input.status ?? "Actual"),
      leaf("msgType", input.msgType),
      leaf("source", input.source),
      leaf("scope", input.scope.kind),
      input.scope.kind === "Restricted"
        ? leaf("restriction", input.scope.restriction)
        : leaf("addresses", capAddresses(input.scope.addresses)),
      leaf("note", input.note),
      input.references?.length ? leaf("references", capReferences(input.references)) : null,
      input.incidents?.length
        ? leaf("incidents", input.incidents.map((i) => checkToken("incident", i)).join(" "))
        : null,
      ...input.infos.map((info) => infoNode(info, area)),
    ],
  };
  const body = renderXml(root).replace(/^<alert>/, `<alert xmlns="${CAP_NAMESPACE}">`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
