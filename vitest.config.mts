// Two projects: `unit` (pure logic next to the code) and `integration` (real PostgreSQL:
// one server per run, one database per test file cloned from a migrated template).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${root}/` }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts"],
          // Property tests run hundreds of cases; on a busy two-core machine that can pass 5 s.
          // Speed is measured in bench/, never here.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/integration-db.ts"],
          // Every /api/v1 answer is checked against the OpenAPI document (tests/setup/api-contract.ts).
          setupFiles: ["tests/setup/api-contract.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: two test files at a time, each on its own database.
          maxWorkers: 2,
        },
      },
    ],
  },
});
