import { describe, expect, it } from "vitest";
import { eventHash, hashedBody, hashedBodyParts } from "./hash";

type Fields = Omit<Parameters<typeof hashedBody>[0], "seq" | "prevHash">;

const base: Fields = {
  at: new Date("2026-12-03T10:00:00.123Z"),
  actorUserId: "6f1c1d2e-0000-4000-8000-000000000001",
  actorLabel: 'Maria "Lupe" López',
  agencyId: null,
  action: "operation.file",
  targetType: "Operation",
  targetId: "OP-1",
  outcome: "SUCCESS",
  requestId: "req-1",
  sourceIp: "203.0.113.7",
  details: null,
};

describe("hashedBodyParts", () => {
  const cases: [string, unknown, Partial<Fields>][] = [
    ["no details", null, {}],
    [
      "details with the chain's own key names, nested and quoted",
      { prevHash: "x", seq: "9", nested: { '"seq":"': '"prevHash":"', seq: 1 } },
      {},
    ],
    [
      "values holding the key text",
      { note: '","seq":"1' },
      { requestId: '"seq":"2', sourceIp: '"prevHash":"', targetId: '"seq":"' },
    ],
    [
      "nulls everywhere",
      null,
      { actorUserId: null, actorLabel: null, targetType: null, targetId: null, requestId: null, sourceIp: null },
    ],
    ["unicode", { texto: "operación — 東京 \u2028" }, { actorLabel: "Zoë 🚓" }],
  ];
  for (const [name, details, over] of cases) {
    it(`puts the chain's values back where the hashed text has them: ${name}`, () => {
      const fields = { ...base, ...over, details };
      const { head, mid, tail } = hashedBodyParts(fields);
      const prevHash = "ab".repeat(32);
      const seq = 123456789012n;
      expect(head + prevHash + mid + String(seq) + tail).toBe(hashedBody({ ...fields, seq, prevHash }));
      expect(eventHash({ ...fields, seq, prevHash })).toMatch(/^[0-9a-f]{64}$/);
    });
  }
});
