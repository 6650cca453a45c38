// POST /api/v1/deconfliction/check — a dry run: an area and a window in, the conflicts they
// would have out (need-to-know only). Nothing is stored.
import { dryRunCheck } from "@/lib/operations/dry-run";
import { db } from "@/lib/db/client";
import { readBody } from "../../_lib/body";
import { json, tokenRoute } from "../../_lib/token-route";

export const POST = tokenRoute(async (req, { actor, now }) => {
  const result = await dryRunCheck({ db: db(), actor, input: await readBody(req), now });
  return json(result);
});
