// Every message key the code names literally must exist in the catalog (and so, by the
// parity test, in every language). Dynamic keys (template literals) are checked where they live.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { catalog } from "./catalog";
import { lookup, type Messages } from "./translate";

const root = join(import.meta.dirname, "..", "..");
const all: Messages = catalog.en;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function usedKeys(source: string): string[] {
  const keys: string[] = [];
  const bindings = [
    ...source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:getT|useT)\(\s*(?:"([\w.]*)")?\s*\)/g),
  ];
  for (const [, name, ns] of bindings) {
    for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*"([\\w.]+)"`, "g")))
      keys.push(ns ? `${ns}.${m[1]}` : m[1]);
  }
  for (const m of source.matchAll(/\bmsg\(\s*"([\w.]+)"/g)) keys.push(m[1].includes(".") ? m[1] : `errors.${m[1]}`);
  for (const m of source.matchAll(
    /message:\s*"((?:errors|auth|area|admin|directory|audit|operations|conflicts|notices|platform|api|requests|publicRecord)\.[\w.]+)"/g,
  ))
    keys.push(m[1]);
  return keys;
}

describe("message keys used in code", () => {
  it("all exist in the catalog", () => {
    const missing: string[] = [];
    for (const dir of ["app", "components", "lib"]) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const key of usedKeys(readFileSync(file, "utf8"))) {
          if (lookup(all, key) === undefined) missing.push(`${relative(root, file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("would notice a missing key", () => {
    expect(usedKeys('const t = await getT("common");\nt("noSuchKey")')).toEqual(["common.noSuchKey"]);
  });
});
