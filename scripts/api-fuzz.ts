// `npm run fuzz -- --runs N [--seed S] [--verbose]`: the API fuzzer
// (tests/integration/api-fuzz.test.ts) for longer than `npm test` runs it: N generated requests
// per operation and token (default 200) against the production server's fast path, and half as
// many against Next.js's own route handlers when a build exists (`npm run build` first for that),
// on a fresh database of the integration suite's own PostgreSQL. Prints
// "fuzz: <requests> requests, <n> 5xx, <m> schema mismatches" per server and fails on any;
// --verbose lists how many answers of each status every operation gave.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/script-env";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "200" }, seed: { type: "string" }, verbose: { type: "boolean" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");

const result = spawnSync(
  process.execPath,
  [
    path.join(repoRoot, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--project",
    "integration",
    "tests/integration/api-fuzz.test.ts",
  ],
  {
    cwd: repoRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      FUZZ_RUNS: String(runs),
      ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
      ...(values.verbose ? { FUZZ_VERBOSE: "1" } : {}),
    },
  },
);
process.exit(result.status ?? 1);
