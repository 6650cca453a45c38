// Pages under admin, audit, platform and the directory load through this: a refusal or a missing
// record renders the not-found page, which reveals nothing about what exists elsewhere.
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound();
    throw e;
  }
}
