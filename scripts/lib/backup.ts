// Backups the portal can restore by itself, against the embedded PostgreSQL or an external one,
// without pg_dump (whose version must match the server's, and which the embedded binaries lack).
//
// A backup is one gzip file: a JSON header line (format, the migrations the database had, the
// tables in load order, the sequences), then for each table a JSON line naming it and its columns,
// its rows as PostgreSQL's COPY text format (one row per line, newlines escaped), and the line `\.`.
// Every table is read in one REPEATABLE READ snapshot, so the file is one consistent moment.
//
// A restore goes into an empty database of the same schema: migrated first if it has no tables,
// refused if it holds any row or its migrations differ from the backup's (restore with the version
// that made the backup, then upgrade). All tables are loaded in one transaction, so a failed
// restore leaves the database as it was.
import { once } from "node:events";
import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { quoteIdent } from "./pg-url";

export const BACKUP_FORMAT = "common-ground-backup";
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: string;
  migrations: string[];
  tables: string[];
  /** Sequences owned by no column (a column's sequence is set from its largest value). */
  sequences: Record<string, string>;
};

type TableLine = { table: string; columns: string[]; rows: number };

export class BackupError extends Error {}

const MIGRATIONS_TABLE = "_prisma_migrations";

async function appliedMigrations(c: pg.ClientBase): Promise<string[] | null> {
  const { rows } = await c.query<{ exists: boolean }>(
    `SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS "exists"`,
  );
  if (!rows[0].exists) return null;
  const applied = await c.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return applied.rows.map((r) => r.name);
}

/** The application's tables, each after every table it references (self-references aside). */
async function tablesInLoadOrder(c: pg.ClientBase): Promise<string[]> {
  const tables = (
    await c.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
      [MIGRATIONS_TABLE],
    )
  ).rows.map((r) => r.name);
  const refs = (
    await c.query<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
       WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.relname <> pa.relname`,
    )
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const r of refs) if (r.child === t) visit(r.parent, path);
    placed.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(c: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = format('public.%I', $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

async function standaloneSequences(c: pg.ClientBase): Promise<Record<string, string>> {
  const { rows } = await c.query<{ name: string; value: string | null }>(
    `SELECT s.sequencename AS name, s.last_value::text AS value FROM pg_sequences s
     WHERE s.schemaname = 'public' AND NOT EXISTS (
       SELECT 1 FROM pg_depend d WHERE d.objid = format('public.%I', s.sequencename)::regclass AND d.deptype IN ('a', 'i'))`,
  );
  return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.name, r.value as string]));
}

async function write(out: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

/** Writes a backup of the database at `url` to `file`; returns what it holds. */
export async function backupDatabase(
  url: string,
  file: string,
): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(partial, { mode: 0o600 });
  const done = pipeline(gzip, sink);
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations)
      throw new BackupError("This database has no migrations table: it is not a Common Ground database.");
    const tables = await tablesInLoadOrder(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      database: (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0].db,
      migrations,
      tables,
      sequences: await standaloneSequences(client),
    };
    await write(gzip, `${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const rows = Number(
        (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)}`)).rows[0].n,
      );
      counts[table] = rows;
      await write(gzip, `${JSON.stringify({ table, columns, rows } satisfies TableLine)}\n`);
      const copy = client.query(copyTo(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) TO STDOUT`));
      for await (const chunk of copy as AsyncIterable<Buffer>) await write(gzip, chunk);
      await write(gzip, "\\.\n");
    }
    await client.query("COMMIT");
    gzip.end();
    await done;
    fs.renameSync(partial, file);
    return { header, rows: counts };
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads a backup file's lines (the COPY data included) one at a time. */
function backupLines(file: string): AsyncIterableIterator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

async function nextLine(lines: AsyncIterableIterator<string>, what: string): Promise<string> {
  const next = await lines.next();
  if (next.done) throw new BackupError(`The backup file ends early (expected ${what}): it is incomplete.`);
  return next.value;
}

function parseJsonLine<T>(line: string, what: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(`The backup file is damaged (expected ${what}).`);
  }
}

/** The header of a backup file, checked to be one. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    return checkedHeader(await nextLine(lines, "its header"));
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError("This file is not a Common Ground backup (it could not be read as one).");
  } finally {
    await lines.return?.();
  }
}

function checkedHeader(line: string): BackupHeader {
  const header = parseJsonLine<BackupHeader>(line, "its header");
  if (header?.format !== BACKUP_FORMAT) throw new BackupError("This file is not a Common Ground backup.");
  if (header.version !== BACKUP_VERSION)
    throw new BackupError(
      `This backup's format version ${header.version} is not one this version reads (${BACKUP_VERSION}).`,
    );
  return header;
}

export type RestoreResult = { header: BackupHeader; rows: Record<string, number> };

/**
 * Restores `file` into the database at `url`, which must hold no rows and have the backup's
 * migrations (`migrate` is called first when it has no tables at all).
 */
export async function restoreDatabase(
  url: string,
  file: string,
  o: { migrate: (url: string) => Promise<unknown> },
): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await appliedMigrations(client)) === null) {
      await o.migrate(url);
    }
    const migrations = (await appliedMigrations(client)) ?? [];
    const missing = header.migrations.filter((m) => !migrations.includes(m));
    const extra = migrations.filter((m) => !header.migrations.includes(m));
    if (missing.length || extra.length) {
      throw new BackupError(
        `The backup was made at another schema version than this database has (${missing.length} migration(s) only in the backup, ${extra.length} only here). ` +
          "Restore it with the version of Common Ground that made it, then upgrade.",
      );
    }
    const tables = await tablesInLoadOrder(client);
    for (const table of tables) {
      const { rows } = await client.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
      if (rows.length > 0)
        throw new BackupError(`This database is not empty (table ${table} has rows). Restore into an empty database.`);
    }
    const unknown = header.tables.filter((t) => !tables.includes(t));
    if (unknown.length) throw new BackupError(`The backup has tables this database does not: ${unknown.join(", ")}.`);

    const counts: Record<string, number> = {};
    const lines = backupLines(file);
    // The COPY under way, if any: on a failure it is aborted (CopyFail) before the rollback.
    let open: { copy: ReturnType<typeof copyFrom>; finished: Promise<void> } | null = null;
    await client.query("BEGIN");
    try {
      await nextLine(lines, "its header");
      for (let i = 0; i < header.tables.length; i++) {
        const t = parseJsonLine<TableLine>(await nextLine(lines, "a table"), "a table");
        if (t.table !== header.tables[i])
          throw new BackupError("The backup file is damaged (its tables are out of order).");
        const copy = client.query(
          copyFrom(`COPY ${quoteIdent(t.table)} (${t.columns.map(quoteIdent).join(", ")}) FROM STDIN`),
        );
        const finished = new Promise<void>((resolve, reject) => {
          copy.once("finish", resolve);
          copy.once("error", reject);
        });
        open = { copy, finished };
        let n = 0;
        for (;;) {
          const line = await nextLine(lines, `the end of table ${t.table}`);
          if (line === "\\.") break;
          n++;
          if (!copy.write(`${line}\n`)) await once(copy, "drain");
        }
        copy.end();
        await finished;
        open = null;
        if (n !== t.rows)
          throw new BackupError(`The backup file is damaged (table ${t.table}: ${n} rows, its header says ${t.rows}).`);
        counts[t.table] = n;
      }
      // Sequences: a column's from its largest value, the others as the backup recorded them.
      const owned = await client.query<{ tbl: string; col: string; seq: string }>(
        `SELECT c.relname AS tbl, a.attname AS col, s.relname AS seq FROM pg_depend d
         JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_class c ON c.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
         JOIN pg_namespace n ON n.oid = s.relnamespace
         WHERE n.nspname = 'public' AND d.deptype IN ('a', 'i')`,
      );
      for (const o of owned.rows) {
        await client.query(
          `SELECT setval(format('public.%I', $1::text)::regclass, coalesce((SELECT max(${quoteIdent(o.col)}) FROM ${quoteIdent(o.tbl)}), 1), (SELECT count(*) > 0 FROM ${quoteIdent(o.tbl)}))`,
          [o.seq],
        );
      }
      for (const [name, value] of Object.entries(header.sequences)) {
        await client.query(`SELECT setval(format('public.%I', $1::text)::regclass, $2::bigint)`, [name, value]);
      }
      await client.query("COMMIT");
    } catch (error) {
      if (open) {
        open.copy.destroy(error as Error);
        await open.finished.catch(() => {});
      }
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await lines.return?.();
    }
    return { header, rows: counts };
  } finally {
    await client.end().catch(() => {});
  }
}
