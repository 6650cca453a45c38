import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "../i18n/catalog";
import { LOCALES } from "../i18n/locales";
import { lookup } from "../i18n/translate";
import { AUDIT_OUTCOMES } from "./audit";
import { AGENCY_KINDS, AGENCY_LEVELS, agencySettingsSchema, multiPolygonSchema } from "./agency";

describe("agency labels", () => {
  // The pages build these keys from the enums, so the catalog's literal-key check cannot see them.
  it("names every level, kind and audit outcome in every language", () => {
    for (const locale of LOCALES) {
      const all = catalog[locale];
      for (const level of AGENCY_LEVELS)
        expect(lookup(all, `common.levels.${level}`), `${locale} ${level}`).toBeTruthy();
      for (const kind of AGENCY_KINDS) expect(lookup(all, `directory.kinds.${kind}`), `${locale} ${kind}`).toBeTruthy();
      for (const outcome of AUDIT_OUTCOMES)
        expect(lookup(all, `audit.outcomes.${outcome}`), `${locale} ${outcome}`).toBeTruthy();
    }
  });
});

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const openRing = fc.array(fc.tuple(lon, lat), { minLength: 3, maxLength: 30 });

describe("multiPolygonSchema", () => {
  it("accepts any closed rings of in-range positions, and wraps a Polygon without changing it", () => {
    fc.assert(
      fc.property(openRing, (ring) => {
        const closed = [...ring, ring[0]];
        const wrapped = multiPolygonSchema.parse({ type: "Polygon", coordinates: [closed] });
        expect(wrapped).toEqual({ type: "MultiPolygon", coordinates: [[closed]] });
        expect(multiPolygonSchema.parse(wrapped)).toEqual(wrapped);
      }),
    );
  });

  it("refuses a ring that does not end where it starts", () => {
    fc.assert(
      fc.property(openRing, fc.tuple(lon, lat), (ring, last) => {
        fc.pre(last[0] !== ring[0][0] || last[1] !== ring[0][1]);
        expect(multiPolygonSchema.safeParse({ type: "Polygon", coordinates: [[...ring, last]] }).success).toBe(false);
      }),
    );
  });

  it("refuses positions outside longitude/latitude ranges", () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 91],
      [0, 0],
    ];
    expect(multiPolygonSchema.safeParse({ type: "Polygon", coordinates: [ring] }).error?.issues[0].message).toBe(
      "platform.boundary.outOfRange",
    );
  });
});

describe("agencySettingsSchema", () => {
  const valid = {
    phone24x7: "+1 815-555-0150",
    languages: ["en"],
    noticeLeadHours: "24",
    proximityBufferM: "500",
    timeBufferMinutes: "60",
    ackWindowMinutes: "30",
  };

  it("turns form text into numbers and drops empty optional fields", () => {
    expect(agencySettingsSchema.parse({ ...valid, email: " ", languages: "es" })).toEqual({
      phone24x7: "+1 815-555-0150",
      languages: ["es"],
      noticeLeadHours: 24,
      proximityBufferM: 500,
      timeBufferMinutes: 60,
      ackWindowMinutes: 30,
    });
  });

  it("accepts the usual ways of writing a phone number and refuses words", () => {
    for (const phone of ["(815) 555-0150", "815.555.0150", "+44 20 7946 0958", "8155550150"])
      expect(agencySettingsSchema.safeParse({ ...valid, phone24x7: phone }).success, phone).toBe(true);
    for (const phone of ["call the desk", "555", "+1 815-555-015x"])
      expect(agencySettingsSchema.safeParse({ ...valid, phone24x7: phone }).success, phone).toBe(false);
  });
});
