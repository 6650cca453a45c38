// Strings PostgreSQL can store. Its text type refuses the NUL character, and UTF-8 cannot encode a
// UTF-16 surrogate without its pair (JSON's "\ud800" parses to one), so either in any field used
// to reach the database as an error, a 500. Every string schema in lib/validation starts here and
// refuses them with a message naming the field instead.
import { z } from "zod";
import { msg } from "../i18n/issue";

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `value` holds neither a NUL character nor a lone surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = msg("errors.unstorableText");

/** z.string(), refusing what PostgreSQL text cannot hold. Chain trim/min/max/regex as usual. */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true });
}
