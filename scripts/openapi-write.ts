// `npm run openapi:write`: writes docs/openapi.json from lib/api-contract. A test fails while the
// checked-in copy differs from what the code generates (tests/integration/openapi-document.test.ts).
import fs from "node:fs";
import path from "node:path";
import { openApiDocument } from "../lib/api-contract/document";
import { repoRoot } from "./lib/script-env";
import { say } from "./lib/say";

const file = path.join(repoRoot, "docs", "openapi.json");
fs.writeFileSync(file, openApiDocument().text);
say.ok(`Wrote ${path.relative(repoRoot, file)}`);
