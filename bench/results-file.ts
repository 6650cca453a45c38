// bench/RESULTS.md holds one section per benchmark, each between its own markers, so a run of one
// benchmark rewrites its section and leaves the others' latest figures in place.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@/scripts/lib/script-env";

const HEADER = `# Benchmark results

Each section is rewritten by its own script (see [README.md](README.md)); the others keep their latest run.
`;

export const resultsFile = path.join(repoRoot, "bench", "RESULTS.md");

/** Replaces (or appends) the section `id` of bench/RESULTS.md with `markdown`; returns the file's path. */
export function writeResultsSection(id: string, markdown: string, file = resultsFile): string {
  const start = `<!-- section:${id} -->`;
  const end = `<!-- /section:${id} -->`;
  const block = `${start}\n${markdown.trim().replace(/\n{3,}/g, "\n\n")}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
  return file;
}
