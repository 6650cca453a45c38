"use server";
// Federal request actions: log by hand, submit through the portal, correct the log, decide,
// publish a report. Each checks the actor itself; the domain functions scope every read and
// write to the agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { logRequest, submitRequest } from "@/lib/requests/create-request";
import { decideRequest } from "@/lib/requests/decide-request";
import { editRequest } from "@/lib/requests/edit-request";
import { parsePeriod, publishReport } from "@/lib/requests/reports";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

const idOf = (input: unknown) => String((input as { id?: unknown } | null)?.id ?? "");
const fieldsOf = (input: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input && typeof input === "object" ? input : {}).filter(([k]) => k !== "id"));

function refresh() {
  revalidatePath("/requests", "layout");
}

export async function logRequestAction(input: Record<string, unknown>): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await logRequest({ ...(await context()), input });
    refresh();
    return { id: created.id };
  });
}

export async function submitRequestAction(input: Record<string, unknown>): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await submitRequest({ ...(await context()), input });
    refresh();
    return { id: created.id };
  });
}

export async function decideRequestAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction(async () => {
    await decideRequest({ ...(await context()), requestId: idOf(input), input: fieldsOf(input) });
    refresh();
    return undefined;
  });
}

export async function editRequestAction(input: Record<string, unknown>): Promise<ActionResult<{ changed: string[] }>> {
  return runAction(async () => {
    const result = await editRequest({ ...(await context()), requestId: idOf(input), input: fieldsOf(input) });
    refresh();
    return result;
  });
}

export async function publishReportAction(input: { year: number; quarter: number | null }): Promise<ActionResult> {
  return runAction(async () => {
    await publishReport({
      ...(await context()),
      period: parsePeriod({ year: input?.year, quarter: input?.quarter ?? "" }),
    });
    refresh();
    return undefined;
  });
}
