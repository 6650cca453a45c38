import { describe, expect, it } from "vitest";
import { exigentRequired, isLate, leadHours, leadMinutes } from "./lead-time";

const now = new Date("2027-03-10T14:00:00Z");
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe("lead time", () => {
  it("counts whole minutes before the start, negative after it", () => {
    expect(leadMinutes(inHours(30), now)).toBe(1_800);
    expect(leadMinutes(inHours(-2), now)).toBe(-120);
    expect(leadHours(1_799)).toBe(29);
    expect(leadHours(-61)).toBe(-2);
  });

  it("is late below the recipient's required hours", () => {
    expect(isLate(23 * 60 + 59, 24)).toBe(true);
    expect(isLate(24 * 60, 24)).toBe(false);
  });

  it("requires exigent grounds after the start or within a host's lead time, not otherwise", () => {
    expect(exigentRequired({ startsAt: inHours(-1), now, hostLeadHours: [] })).toBe(true);
    expect(exigentRequired({ startsAt: inHours(30), now, hostLeadHours: [24, 12] })).toBe(false);
    expect(exigentRequired({ startsAt: inHours(30), now, hostLeadHours: [24, 48] })).toBe(true);
    expect(exigentRequired({ startsAt: inHours(2), now, hostLeadHours: [] })).toBe(false);
  });
});
