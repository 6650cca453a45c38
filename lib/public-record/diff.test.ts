import { describe, expect, it } from "vitest";
import { versionChanges } from "./diff";
import type { PublicVersion } from "./public-read";

const v = (o: Partial<PublicVersion>): PublicVersion => ({
  version: 1,
  title: "Detainers",
  summary: "We do not hold people on detainers.",
  body: "# Rule\n\nNo holds.\n",
  translations: {},
  effectiveOn: "2026-01-01",
  nextReviewOn: null,
  agreementModel: null,
  agreementStatus: null,
  signedOn: null,
  renewalOn: null,
  designatedOfficers: null,
  publishedAt: "2026-01-01T00:00:00.000Z",
  ...o,
});

describe("what changed between versions", () => {
  it("lists only the changed fields, with the words added and removed", () => {
    const changes = versionChanges(
      v({}),
      v({ version: 2, summary: "We never hold people on detainers.", effectiveOn: "2026-07-01" }),
    );
    expect(changes.map((c) => c.field)).toEqual(["summary", "effectiveOn"]);
    const summary = changes[0].parts;
    expect(summary.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["do not"]);
    expect(summary.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["never"]);
    expect(changes[1].parts.filter((p) => p.removed || p.added).map((p) => p.value)).toEqual([
      "2026-01-01",
      "2026-07-01",
    ]);
  });
  it("compares the Spanish text when reading in Spanish", () => {
    const a = v({ translations: { es: { title: "Órdenes", summary: "No retenemos.", body: "x" } } });
    const b = v({ translations: { es: { title: "Órdenes", summary: "Nunca retenemos.", body: "x" } } });
    expect(versionChanges(a, b, "es").map((c) => c.field)).toEqual(["summary"]);
    expect(versionChanges(a, b, "en")).toEqual([]);
  });
});
