import { describe, expect, it } from "vitest";
import { capCircle, capPolygon, CapInputError, geometryToCap } from "./area";
import { buildCapAlert, capDateTime, type CapAlertInput } from "./build-alert";
import { escapeXml } from "./xml";

const base: CapAlertInput = {
  identifier: "CG-N-0001",
  sender: "notices@common-ground.example",
  sent: new Date("2026-11-23T14:00:00.123Z"),
  msgType: "Alert",
  scope: { kind: "Restricted", restriction: "Law enforcement agencies named in the notice" },
  geometry: { kind: "CIRCLE", centerLat: 41.8781, centerLon: -87.6298, radiusM: 750 },
  infos: [
    {
      language: "en-US",
      event: "Planned operation",
      urgency: "Expected",
      severity: "Moderate",
      certainty: "Likely",
      areaDesc: "Near Loop",
    },
  ],
};

describe("CAP area", () => {
  it("writes a circle as lat,lon radius in kilometres", () => {
    expect(capCircle(41.8781, -87.6298, 750)).toBe("41.8781,-87.6298 0.75");
  });

  it("closes an open ring and swaps GeoJSON lon,lat to CAP lat,lon", () => {
    expect(
      capPolygon([
        [-87.6, 41.8],
        [-87.5, 41.8],
        [-87.5, 41.9],
      ]),
    ).toBe("41.8,-87.6 41.8,-87.5 41.9,-87.5 41.8,-87.6");
  });

  it("keeps an already closed ring closed once", () => {
    expect(
      capPolygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]).split(" "),
    ).toHaveLength(4);
  });

  it("rejects degenerate rings and positions out of range", () => {
    expect(() =>
      capPolygon([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toThrow(CapInputError);
    expect(() => capCircle(95, 0, 10)).toThrow(CapInputError);
  });

  it("sends each shell of a multipolygon and drops holes", () => {
    const out = geometryToCap({
      kind: "POLYGON",
      geometry: {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [0, 0],
              [4, 0],
              [4, 4],
              [0, 0],
            ],
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 1],
            ],
          ],
          [
            [
              [10, 10],
              [11, 10],
              [11, 11],
              [10, 10],
            ],
          ],
        ],
      },
    });
    expect(out.polygons).toEqual(["0,0 0,4 4,4 0,0", "10,10 10,11 11,11 10,10"]);
  });
});

describe("buildCapAlert", () => {
  it("formats times in CAP's form with -00:00 for UTC", () => {
    expect(capDateTime(new Date("2026-11-23T14:00:00.999Z"))).toBe("2026-11-23T14:00:00-00:00");
  });

  it("escapes text so input cannot add elements", () => {
    const xml = buildCapAlert({ ...base, infos: [{ ...base.infos[0], headline: `</headline><evil a="1">&'` }] });
    expect(xml).toContain(`<headline>&lt;/headline&gt;&lt;evil a="1"&gt;&amp;'</headline>`);
    expect(escapeXml("a\u0000b\u0007c")).toBe("abc");
  });

  it("requires references for Update, Cancel and Ack", () => {
    expect(() => buildCapAlert({ ...base, msgType: "Cancel" })).toThrow(/reference/);
    const xml = buildCapAlert({
      ...base,
      msgType: "Cancel",
      references: [{ sender: base.sender, identifier: "CG-N-0000", sent: new Date("2026-11-22T10:00:00Z") }],
    });
    expect(xml).toContain("<references>notices@common-ground.example,CG-N-0000,2026-11-22T10:00:00-00:00</references>");
  });

  it("quotes private addresses that contain spaces", () => {
    const xml = buildCapAlert({ ...base, scope: { kind: "Private", addresses: ["cook-county-so", "Chicago PD"] } });
    expect(xml).toContain('<addresses>cook-county-so "Chicago PD"</addresses>');
    expect(xml).not.toContain("<restriction>");
  });

  it("rejects identifiers with spaces or commas and duplicate languages", () => {
    expect(() => buildCapAlert({ ...base, identifier: "a b" })).toThrow(CapInputError);
    expect(() => buildCapAlert({ ...base, infos: [base.infos[0], base.infos[0]] })).toThrow(/language/);
  });
});
