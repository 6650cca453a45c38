import { describe, expect, it } from "vitest";
import { demoFlags, demoSeedDecision } from "./demo-policy";

describe("demoSeedDecision", () => {
  const decide = (r: Partial<Parameters<typeof demoSeedDecision>[0]>) =>
    demoSeedDecision({ embedded: false, demo: undefined, force: false, production: false, ...r });

  it("seeds the embedded database by default, unless CG_DEMO=0", () => {
    expect(decide({ embedded: true })).toEqual({ seed: true });
    expect(decide({ embedded: true, demo: true })).toEqual({ seed: true });
    expect(decide({ embedded: true, demo: false })).toEqual({ seed: false });
  });

  it("never seeds an external database unasked", () => {
    expect(decide({})).toEqual({ seed: false });
    expect(decide({ force: true })).toEqual({ seed: false });
    expect(decide({ demo: false, force: true })).toEqual({ seed: false });
  });

  it("refuses --demo on an external database without --force-demo, and always in production", () => {
    expect(decide({ demo: true })).toMatchObject({ seed: false, refusal: expect.stringContaining("--force-demo") });
    expect(decide({ demo: true, force: true })).toEqual({ seed: true });
    expect(decide({ demo: true, force: true, production: true })).toMatchObject({
      seed: false,
      refusal: expect.stringContaining("production"),
    });
  });
});

describe("demoFlags", () => {
  it("takes the command line first, then the environment", () => {
    expect(demoFlags({}, {})).toEqual({ demo: undefined, force: false });
    expect(demoFlags({ demo: true }, { CG_DEMO: "0" })).toEqual({ demo: true, force: false });
    expect(demoFlags({}, { CG_DEMO: "0" })).toEqual({ demo: false, force: false });
    expect(demoFlags({}, { CG_DEMO: "1", CG_DEMO_FORCE: "1" })).toEqual({ demo: true, force: true });
    expect(demoFlags({ "force-demo": true }, {})).toEqual({ demo: undefined, force: true });
  });
});
