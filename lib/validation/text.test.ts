import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agencySettingsSchema } from "./agency";
import { apiTokenInputSchema } from "./api-token";
import { calendarFeedInputSchema } from "./calendar-feed";
import { resolveConflictSchema } from "./conflict";
import { replySchema } from "./notice";
import { operationInputSchema } from "./operation";
import { isStorableText, storableString, UNSTORABLE_TEXT_MESSAGE } from "./text";
import { createUserSchema } from "./user";

const NUL = "\u0000";
const LONE_HIGH = "\ud800";
const LONE_LOW = "\udc00";

describe("isStorableText", () => {
  it("refuses NUL and surrogates without their pair, anywhere in the string", () => {
    for (const bad of [
      NUL,
      `a${NUL}b`,
      LONE_HIGH,
      `x${LONE_HIGH}`,
      `${LONE_HIGH}x`,
      LONE_LOW,
      `x${LONE_LOW}y`,
      `${LONE_LOW}${LONE_HIGH}`,
      `\ud83d\ude00${LONE_HIGH}`,
    ]) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("accepts ordinary text, accents, other control characters and paired surrogates (emoji)", () => {
    for (const good of [
      "",
      "Lt. Dana Whitfield",
      "Operación Águila",
      "tab\there\nnew line",
      "\u0001",
      "\ud83d\ude94 unit 12",
      "中文",
      "\uffff",
    ]) {
      expect(isStorableText(good), JSON.stringify(good)).toBe(true);
    }
  });

  it("makes a string schema answer with its own message, before length checks", () => {
    const schema = storableString().trim().min(3);
    const r = schema.safeParse(`a${NUL}`);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([UNSTORABLE_TEXT_MESSAGE]);
    expect(schema.parse("  fine  ")).toBe("fine");
  });
});

describe("every string schema refuses unstorable text, naming the field", () => {
  const cases: [
    string,
    { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
    Record<string, unknown>,
    string,
  ][] = [
    ["api token name", apiTokenInputSchema, { name: `CAD${NUL}` }, "name"],
    ["calendar feed name", calendarFeedInputSchema, { name: `Feed ${LONE_HIGH}` }, "name"],
    ["conflict note", resolveConflictSchema, { outcome: "PROCEED_SEPARATELY", note: `Called ${NUL}them` }, "note"],
    ["reply body", replySchema, { kind: "TEXT", body: `On our way ${LONE_LOW}` }, "body"],
    ["user name", createUserSchema, { name: `Dana${NUL}`, email: "dana@example.gov", roles: ["LIAISON"] }, "name"],
    ["agency setting", agencySettingsSchema, { phone24x7: `+1 312 555 0100${NUL}` }, "phone24x7"],
    ["operation title", operationInputSchema, { title: `Search ${LONE_HIGH}` }, "title"],
  ];
  it.each(cases)("%s", (_name, schema, input, field) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path.join(".") === field)?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
  });
});

describe("lib/validation", () => {
  it("builds every string schema on storableString (none on a bare z.string())", () => {
    const dir = import.meta.dirname;
    const bare = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "text.ts")
      .filter((f) => /z\s*\.string\(/.test(readFileSync(join(dir, f), "utf8")));
    expect(bare).toEqual([]);
  });
});
