// Every kind of CAP message the product emits validates against the official OASIS CAP 1.2 schema.
// Validation is libxml2's (xmllint's) schema validator in WebAssembly: no system tool needed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CapGeometry } from "@/lib/cap/area";
import { buildCapAlert, type CapAlertInput, type CapMsgType } from "@/lib/cap/build-alert";
import { CAP_XSD_PATH as XSD, validateCap as validate } from "./helpers/cap-schema";

const geometries: Record<string, CapGeometry> = {
  circle: { kind: "CIRCLE", centerLat: 41.8781, centerLon: -87.6298, radiusM: 1200 },
  polygon: {
    kind: "POLYGON",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [-87.64, 41.87],
          [-87.62, 41.87],
          [-87.62, 41.89],
          [-87.64, 41.89],
        ],
      ],
    },
  },
  multipolygon: {
    kind: "POLYGON",
    geometry: {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [-87.64, 41.87],
            [-87.62, 41.87],
            [-87.62, 41.89],
            [-87.64, 41.87],
          ],
        ],
        [
          [
            [-87.7, 41.9],
            [-87.69, 41.9],
            [-87.69, 41.91],
            [-87.7, 41.9],
          ],
        ],
      ],
    },
  },
};

const scopes: CapAlertInput["scope"][] = [
  { kind: "Restricted", restriction: "Sworn personnel of the agencies named in this notice only" },
  { kind: "Private", addresses: ["cook-county-sheriff", "Chicago Police Department"] },
];

function message(msgType: CapMsgType, scope: CapAlertInput["scope"], geometry: CapGeometry): CapAlertInput {
  return {
    identifier: `CG-N-2026-0042-${msgType}`,
    sender: "notices@common-ground.example",
    sent: new Date("2026-11-23T14:00:00Z"),
    msgType,
    scope,
    note: msgType === "Ack" ? "Acknowledged by the watch commander" : undefined,
    references:
      msgType === "Alert"
        ? undefined
        : [
            {
              sender: "notices@common-ground.example",
              identifier: "CG-N-2026-0042",
              sent: new Date("2026-11-22T09:30:00Z"),
            },
          ],
    incidents: ["OP-2026-0042"],
    geometry,
    infos: [
      {
        language: "en-US",
        event: "Planned law enforcement operation",
        responseType: ["Monitor"],
        urgency: "Expected",
        severity: "Moderate",
        certainty: "Likely",
        onset: new Date("2026-11-24T11:00:00Z"),
        expires: new Date("2026-11-24T15:00:00Z"),
        senderName: "U.S. Marshals Service — Northern District",
        headline: "Advance notice: warrant service, Nov 24 <05:00–09:00 CST> & more",
        description: 'A team of 8 will serve a warrant.\nCommand post on site; radio: "Ops 2".',
        instruction: "Call the incident commander before any contact with the site.",
        web: "https://common-ground.example/notices/CG-N-2026-0042",
        contact: "Incident commander, +1 312 555 0100",
        parameters: [{ valueName: "operationRef", value: "OP-2026-0042" }],
        areaDesc: "South Loop, Chicago",
      },
      {
        language: "es-US",
        event: "Operativo policial planificado",
        urgency: "Expected",
        severity: "Moderate",
        certainty: "Likely",
        onset: new Date("2026-11-24T11:00:00Z"),
        expires: new Date("2026-11-24T15:00:00Z"),
        senderName: "Servicio de Alguaciles de EE. UU. — Distrito Norte",
        headline: "Aviso previo: ejecución de orden, 24 de nov., 05:00–09:00 CST",
        description: "Un equipo de 8 ejecutará una orden. Puesto de mando en el lugar; radio: «Ops 2».",
        areaDesc: "South Loop, Chicago (zona aproximada)",
      },
    ],
  };
}

describe("CAP 1.2 export", () => {
  it("uses the unmodified OASIS schema", () => {
    expect(createHash("sha256").update(readFileSync(XSD)).digest("hex")).toBe(
      "b7798ef25868b068c97b268bda02d067c7d4ba9373adc5638bf37105804ee723",
    );
  });

  for (const msgType of ["Alert", "Update", "Cancel", "Ack"] as const) {
    for (const scope of scopes) {
      for (const [kind, geometry] of Object.entries(geometries)) {
        it(`validates: ${msgType}, ${scope.kind}, ${kind}`, async () => {
          const result = await validate(
            buildCapAlert(message(msgType, scope, geometry)),
            `${msgType}-${scope.kind}-${kind}`,
          );
          expect(result.output).toContain("validates");
          expect(result.ok).toBe(true);
        });
      }
    }
  }

  it("validates a bare acknowledgment without info blocks", async () => {
    const ack = { ...message("Ack", scopes[0], geometries.circle), infos: [], geometry: undefined };
    expect((await validate(buildCapAlert(ack), "ack-bare")).ok).toBe(true);
  });

  it("would reject a message that breaks the schema", async () => {
    const valid = buildCapAlert(message("Alert", scopes[0], geometries.circle));
    const broken = valid.replace("<category>Security</category>", "<category>Policing</category>");
    expect(broken).not.toBe(valid);
    const result = await validate(broken, "broken");
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/category.*Policing.*not an element of the set/);
  });

  it("rejects a message missing a required element, and one that is not well-formed XML", async () => {
    const valid = buildCapAlert(message("Alert", scopes[0], geometries.circle));
    const noStatus = valid.replace(/<status>[^<]*<\/status>/, "");
    expect(noStatus).not.toBe(valid);
    const missing = await validate(noStatus, "no-status");
    expect(missing.ok).toBe(false);
    expect(missing.output).toMatch(/msgType.*This element is not expected. Expected is.*status/);
    const truncated = await validate(valid.slice(0, valid.length / 2), "truncated");
    expect(truncated.ok).toBe(false);
    expect(truncated.output).not.toContain("validates");
  });
});
