// Server-action ids of the production build, looked up as the pages' own client code knows them:
// Next writes every action's id, file and export name to the build's server-reference manifest.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@/scripts/lib/script-env";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

const WANTED = {
  beginSignIn: ["app/(auth)/login/actions.ts", "beginSignIn"],
  fileOperation: ["app/(app)/operations/actions.ts", "fileOperationAction"],
  updateOperation: ["app/(app)/operations/actions.ts", "updateOperationAction"],
  previewConflicts: ["app/(app)/operations/actions.ts", "previewConflictsAction"],
  acknowledgeNotice: ["app/(app)/notices/actions.ts", "acknowledgeNoticeAction"],
  acknowledgeConflict: ["app/(app)/conflicts/actions.ts", "acknowledgeConflictAction"],
  proposeOutcome: ["app/(app)/conflicts/actions.ts", "proposeOutcomeAction"],
  confirmOutcome: ["app/(app)/conflicts/actions.ts", "confirmOutcomeAction"],
} as const;

export type ActionIds = Record<keyof typeof WANTED, string>;

export function actionIds(): ActionIds {
  const file = path.join(repoRoot, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const out = {} as ActionIds;
  for (const [key, [filename, name]] of Object.entries(WANTED) as [keyof ActionIds, readonly [string, string]][]) {
    const id = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === name)?.[0];
    if (!id) throw new Error(`No server action ${name} (${filename}) in the build: rebuild with --build`);
    out[key] = id;
  }
  return out;
}
