// Global setup of the integration project: one PostgreSQL for the whole run (a throwaway
// embedded server, or TEST_DATABASE_URL's), with the migrations applied once to a template.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/engine";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-pg";
import { quoteIdent, withClient, withDatabase } from "../../scripts/lib/pg-url";
import { scriptEnv } from "../../scripts/lib/script-env";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { adminUrl, stopServer } = await startServer();
  const template = `cg_template_${randomBytes(4).toString("hex")}`;
  try {
    await applyMigrations(withDatabase(adminUrl, template));
    // A template nobody can connect to can be cloned by any number of test files at once.
    await withClient(adminUrl, (c) =>
      c.query(`ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
    );
  } catch (error) {
    await stopServer();
    throw error;
  }
  project.provide("dbAdminUrl", adminUrl);
  project.provide("dbTemplate", template);

  return async () => {
    await withClient(adminUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `cg_test_${template}_%`,
      ]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      await c.query(`ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE false`);
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    }).catch(() => {});
    await stopServer();
  };
}

async function startServer(): Promise<{ adminUrl: string; stopServer(): Promise<void> }> {
  const external = scriptEnv().TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stopServer: async () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-test-pg-"));
  fs.chmodSync(dir, 0o755); // reachable by the postgres user when running as root
  const server = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
  return {
    adminUrl: server.adminUrl,
    async stopServer() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
