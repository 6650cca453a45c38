// Message lookup and formatting: "{name}" placeholders and ICU-style
// "{count, plural, one {# item} other {# items}}" for counts.
import type { Locale } from "./locales";

export type Messages = { [key: string]: string | Messages };
export type Params = Record<string, string | number | Date | null | undefined>;
export type Translate = (key: string, params?: Params) => string;

export function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export function format(template: string, params: Params | undefined, locale: Locale): string {
  if (!params) return template;
  const rules = new Intl.PluralRules(locale);
  const withPlurals = template.replace(PLURAL, (_m, name: string, body: string) => {
    const n = Number(params[name] ?? 0);
    const branches = new Map<string, string>();
    for (const b of body.matchAll(BRANCH)) branches.set(b[1], b[2]);
    const chosen = branches.get(`=${n}`) ?? branches.get(rules.select(n)) ?? branches.get("other") ?? "";
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(n));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    if (v instanceof Date) return v.toISOString();
    return typeof v === "number" ? new Intl.NumberFormat(locale).format(v) : v;
  });
}

export type MissingHandler = (key: string) => void;

/** A translator bound to a locale and optional namespace; a missing key renders as the key itself. */
export function createTranslator(
  messages: Messages,
  locale: Locale,
  namespace?: string,
  onMissing?: MissingHandler,
): Translate {
  return (key, params) => {
    const full = namespace ? `${namespace}.${key}` : key;
    const template = lookup(messages, full);
    if (template === undefined) {
      onMissing?.(full);
      return full;
    }
    return format(template, params, locale);
  };
}
