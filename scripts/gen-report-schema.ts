// Writes docs/federal-request-report.schema.json from the zod schema the JSON export is checked
// against: `npx tsx scripts/gen-report-schema.ts`. A test fails when the two differ.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { reportJsonSchema } from "../lib/requests/report-schema";

writeFileSync(
  join(import.meta.dirname, "..", "docs", "federal-request-report.schema.json"),
  `${JSON.stringify(z.toJSONSchema(reportJsonSchema), null, 2)}\n`,
);
