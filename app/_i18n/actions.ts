"use server";
import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { currentTime } from "@/lib/clock";
import { localeSchema, setUserLocale } from "@/lib/preferences/set-locale";
import { LOCALE_COOKIE, localeCookieOptions } from "./server";

export async function setLocaleAction(value: string): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(value);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, localeCookieOptions());
  const actor = await getActor();
  if (actor) await setUserLocale(db(), { actor, locale: parsed.data, now: await currentTime(db()) });
  return { ok: true };
}
