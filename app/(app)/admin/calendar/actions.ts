"use server";
// Creating and revoking the agency's calendar feed links. Each action checks the actor itself;
// the domain functions allow only the agency's own admins and scope every write to that agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { calendarFeedPath, createCalendarFeedToken, revokeCalendarFeedToken } from "@/lib/ical/feed-tokens";
import { publicBaseUrl } from "@/lib/notices/contacts";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

/** Returns the feed URL itself: the only time anyone sees it. */
export async function createCalendarFeedAction(input: unknown): Promise<ActionResult<{ url: string; name: string }>> {
  return runAction(async () => {
    const { token, feed } = await createCalendarFeedToken({ ...(await context()), input });
    revalidatePath("/admin/calendar");
    return { url: new URL(calendarFeedPath(token), publicBaseUrl()).toString(), name: feed.name };
  });
}

export async function revokeCalendarFeedAction(feedId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await revokeCalendarFeedToken({ ...(await context()), feedId: typeof feedId === "string" ? feedId : "" });
    revalidatePath("/admin/calendar");
    return undefined;
  });
}
