import { describe, expect, it } from "vitest";
import { formatRelative, zoneLabel, zonedDay } from "./format";

describe("time zones in people's words", () => {
  const winter = new Date("2027-01-15T12:00:00Z");
  const summer = new Date("2027-07-15T12:00:00Z");

  it("names the zone as people say it, never by its database name", () => {
    expect(zoneLabel("America/Chicago", "en", winter)).toBe("Central Time (CST)");
    expect(zoneLabel("America/Chicago", "en", summer)).toBe("Central Time (CDT)");
    expect(zoneLabel("America/Chicago", "es", winter)).toBe("hora central (CST)");
    expect(zoneLabel("America/Los_Angeles", "en", winter)).toBe("Pacific Time (PST)");
    for (const tz of [
      "America/Chicago",
      "America/New_York",
      "America/Denver",
      "America/Phoenix",
      "Pacific/Honolulu",
      "America/Anchorage",
      "America/Puerto_Rico",
    ]) {
      expect(zoneLabel(tz, "en", winter)).not.toContain("/");
      expect(zoneLabel(tz, "es", winter)).not.toContain("/");
    }
  });

  it("says how far away a moment is in the largest whole unit", () => {
    const now = new Date("2027-01-15T12:00:00Z");
    expect(formatRelative(new Date(now.getTime() + 45 * 60_000), now, "en")).toBe("in 45 minutes");
    expect(formatRelative(new Date(now.getTime() - 3 * 3_600_000), now, "en")).toBe("3 hours ago");
    expect(formatRelative(new Date(now.getTime() + 3 * 86_400_000), now, "es")).toBe("dentro de 3 días");
  });

  it("groups instants by the calendar day of the zone", () => {
    // 03:00 UTC is still the previous evening in Chicago.
    expect(zonedDay(new Date("2027-01-16T03:00:00Z"), "America/Chicago")).toBe("2027-01-15");
  });
});
