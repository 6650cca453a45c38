// Small helpers around PostgreSQL connection URLs and one-off admin statements.
import pg from "pg";

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/** For log lines: never print a password. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "****";
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the URL's database when the server does not have it yet. Returns true if it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  try {
    await withClient(url, async () => undefined);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: database does not exist
  }
  await withClient(withDatabase(url, "postgres"), async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created meanwhile by someone else
    });
  });
  return true;
}
