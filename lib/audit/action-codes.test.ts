// Every action code the source writes to the audit trail is in the catalogue, and every code in
// the catalogue reads as a sentence (and as an attempt, for refusals) in English and Spanish.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../i18n/catalog";
import { lookup } from "../i18n/translate";
import { attemptKey, AUDIT_ACTIONS, AUDIT_GROUPS, sentenceKey } from "./action-codes";
import { groupOf } from "./describe";

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Codes written as `action: "…"`, in an `…_AUDIT = { … }` table, or as an `…AUDIT…_ACTION = "…"` constant. */
export function writtenCodes(source: string): string[] {
  const codes: string[] = [];
  for (const m of source.matchAll(/\baction:\s*"([a-z][\w]*(?:\.[\w]+)+)"/g)) codes.push(m[1]);
  for (const m of source.matchAll(/\b\w*_AUDIT\s*=\s*\{([^}]*)\}/g))
    for (const v of m[1].matchAll(/"([a-z][\w]*(?:\.[\w]+)+)"/g)) codes.push(v[1]);
  for (const m of source.matchAll(/\b\w*AUDIT\w*_ACTION\s*=\s*"([a-z][\w]*(?:\.[\w]+)+)"/g)) codes.push(m[1]);
  return codes;
}

describe("audit action codes", () => {
  it("lists every code the source writes", () => {
    const missing: string[] = [];
    for (const dir of ["app", "lib", "prisma", "scripts"]) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const code of writtenCodes(readFileSync(file, "utf8")))
          if (!AUDIT_ACTIONS.includes(code)) missing.push(`${relative(root, file)}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("would notice a new code", () => {
    expect(writtenCodes('await recordAudit(tx, { action: "thing.new", at })')).toEqual(["thing.new"]);
    expect(
      writtenCodes('export const THING_AUDIT = {\n  make: "thing.make",\n  undo: "thing.undo",\n} as const;'),
    ).toEqual(["thing.make", "thing.undo"]);
    expect(writtenCodes('export const PROBE_AUDIT_ACTION = "operation.dry_run";')).toEqual(["operation.dry_run"]);
    expect(writtenCodes('export const AUDIT_ANCHOR_ACTION = "audit.anchor";')).toEqual(["audit.anchor"]);
  });

  it("has a sentence and an attempt for every code, in every language", () => {
    const missing: string[] = [];
    for (const [locale, messages] of Object.entries(catalog)) {
      for (const code of AUDIT_ACTIONS) {
        for (const key of [sentenceKey(code), attemptKey(code)])
          if (!lookup(messages, `auditlog.${key}`)) missing.push(`${locale}: ${code} (${key})`);
      }
    }
    expect(missing).toEqual([]);
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(50);
  });

  it("puts every code in an action group", () => {
    expect(AUDIT_ACTIONS.filter((code) => groupOf(code) === null)).toEqual([]);
    expect(
      Object.keys(AUDIT_GROUPS).every(
        (g) => lookup(catalog.en, `auditlog.groups.${g}`) && lookup(catalog.es, `auditlog.groups.${g}`),
      ),
    ).toBe(true);
  });
});
