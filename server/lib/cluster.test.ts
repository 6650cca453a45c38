import { describe, expect, it } from "vitest";
import { AUTO_WORKER_CAP, workerCount } from "./cluster";

describe("workerCount (WEB_CONCURRENCY)", () => {
  it("is one process when unset or empty", () => {
    expect(workerCount(undefined, 8)).toBe(1);
    expect(workerCount("", 8)).toBe(1);
  });

  it("takes a number as given", () => {
    expect(workerCount("3", 2)).toBe(3);
    expect(workerCount(" 2 ", 8)).toBe(2);
  });

  it("auto is one per core, at most the cap", () => {
    expect(workerCount("auto", 2)).toBe(2);
    expect(workerCount("auto", 1)).toBe(1);
    expect(workerCount("auto", 64)).toBe(AUTO_WORKER_CAP);
  });

  it("refuses anything else with a message naming the variable", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65"]) expect(() => workerCount(bad, 2)).toThrow(/WEB_CONCURRENCY/);
  });
});
