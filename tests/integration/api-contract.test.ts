// The check every /api/v1 answer in the integration suite goes through (tests/setup/api-contract.ts):
// it accepts what the document describes and refuses an undocumented status, a body of the wrong
// shape or type, and anything but a refusal on a path the document does not list.
import { describe, expect, it } from "vitest";
import { checkApiAnswer, ContractViolation, pathTemplateOf } from "./helpers/api-contract";
import { templateOfRouteFile } from "./helpers/route-template";

const error = (code: string) => JSON.stringify({ error: { code, message: "m", requestId: "r" } });
const json = "application/json";
const page = { items: [], next: null, prev: null, total: 0 };

describe("the API contract check", () => {
  it("accepts documented answers", () => {
    const ok = [
      { method: "GET", template: "/api/v1/operations", status: 200, contentType: json, body: JSON.stringify(page) },
      { method: "GET", template: "/api/v1/operations", status: 422, contentType: json, body: error("VALIDATION") },
      { method: "HEAD", template: "/api/v1/operations", status: 200, contentType: json, body: JSON.stringify(page) },
      { method: "GET", template: null, status: 404, contentType: json, body: error("NOT_FOUND") },
      { method: "DELETE", template: "/api/v1/operations", status: 405, contentType: json, body: error("X") },
    ];
    for (const a of ok) expect(() => checkApiAnswer(a)).not.toThrow();
  });

  it("refuses an undocumented status, shape or media type", () => {
    const bad = [
      { method: "GET", template: "/api/v1/operations", status: 500, contentType: json, body: error("INTERNAL") },
      { method: "GET", template: "/api/v1/operations", status: 201, contentType: json, body: JSON.stringify(page) },
      {
        method: "GET",
        template: "/api/v1/operations",
        status: 200,
        contentType: json,
        body: JSON.stringify({ items: [] }),
      },
      {
        method: "GET",
        template: "/api/v1/operations",
        status: 200,
        contentType: json,
        body: JSON.stringify({ ...page, items: [{ id: "x" }] }),
      },
      { method: "GET", template: "/api/v1/operations", status: 200, contentType: "text/html", body: "<p>" },
      { method: "GET", template: "/api/v1/operations", status: 422, contentType: json, body: '{"error":"x"}' },
      { method: "GET", template: null, status: 200, contentType: json, body: "{}" },
    ];
    for (const a of bad) expect(() => checkApiAnswer(a), JSON.stringify(a)).toThrow(ContractViolation);
  });

  it("knows each route file's path template, and each path's", () => {
    expect(templateOfRouteFile("at x (/repo/app/api/v1/operations/[id]/cancel/route.ts:8:3)")).toBe(
      "/api/v1/operations/{id}/cancel",
    );
    expect(templateOfRouteFile("at x (/repo/app/api/v1/conflicts/route.ts:8:3)")).toBe("/api/v1/conflicts");
    expect(templateOfRouteFile("at x (/repo/app/api/v1/[...rest]/route.ts:8:3)")).toBeNull();
    expect(pathTemplateOf("/api/v1/notices/preview")).toBe("/api/v1/notices/preview");
    expect(pathTemplateOf("/api/v1/notices/abc")).toBe("/api/v1/notices/{id}");
    expect(pathTemplateOf("/api/v1/nothing")).toBeNull();
  });
});
