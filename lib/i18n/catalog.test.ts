import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalog } from "./catalog";
import { LOCALES } from "./locales";
import type { Messages } from "./translate";

const dir = join(import.meta.dirname, "messages");

function keys(m: Messages, prefix = ""): string[] {
  return Object.entries(m).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
}

describe("message catalog", () => {
  it("lists every message file in every locale", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(join(dir, locale))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(Object.keys(catalog[locale]).sort()).toEqual(files);
    }
  });

  it("has the same keys in English and Spanish", () => {
    const files = readdirSync(join(dir, "en"));
    for (const file of files) {
      const en = JSON.parse(readFileSync(join(dir, "en", file), "utf8")) as Messages;
      for (const locale of LOCALES) {
        const other = JSON.parse(readFileSync(join(dir, locale, file), "utf8")) as Messages;
        expect(keys(other).sort(), `${locale}/${file}`).toEqual(keys(en).sort());
      }
    }
  });

  it("uses the same placeholders and no empty strings in every translation", () => {
    for (const ns of Object.keys(catalog.en)) {
      for (const key of keys(catalog.en[ns])) {
        const base = lookupIn(catalog.en[ns], key)!;
        for (const locale of LOCALES) {
          const value = lookupIn(catalog[locale][ns], key)!;
          expect(value.trim(), `${locale}:${ns}.${key}`).not.toBe("");
          expect(placeholders(value), `${locale}:${ns}.${key}`).toEqual(placeholders(base));
        }
      }
    }
  });
});

function lookupIn(m: Messages, key: string): string | undefined {
  let node: Messages | string | undefined = m;
  for (const p of key.split(".")) node = typeof node === "object" ? node[p] : undefined;
  return typeof node === "string" ? node : undefined;
}
