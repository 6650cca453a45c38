// Prisma CLI configuration. Only `prisma generate` uses the CLI here; migrations run
// through the WASM schema engine in scripts/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
