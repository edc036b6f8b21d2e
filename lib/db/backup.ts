// Logical backups that need nothing but a Postgres connection: the embedded default ships
// no pg_dump, and a Debian client may be older than the server. A backup is gzipped JSON
// lines: a header (format, the migrations the schema was built by), then each table's rows
// as row_to_json batches, then a trailer with a row count and checksum per table. All rows
// come from one REPEATABLE READ snapshot, so the backup is consistent while the app runs.
// Restore rebuilds the schema with the backup's own migrations, loads the rows through
// json_populate_recordset (Postgres parses every type back itself), then applies any newer
// migrations, so an old backup restores into a newer Framewise.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";

import pg from "pg";

import { migrate } from "./migrate";

const format = "framewise-backup";
const formatVersion = 1;
const batchSize = 1_000;

type Header = { format: string; version: number; createdAt: string; migrations: string[] };
type Batch = { table: string; rows: Record<string, unknown>[] };
type Trailer = { end: true; tables: Record<string, TableSummary> };
export type TableSummary = { rows: number; checksum: string };

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

type TableInfo = { name: string; primaryKey: string[] };
type ForeignKey = { table: string; column: string; references: string };

async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; primary_key: string[] | null }>(`
    SELECT c.relname::text AS name,
           (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey, a.attnum))
              FROM pg_index i
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname`);
  return rows.map((row) => ({ name: row.name, primaryKey: row.primary_key ?? [] }));
}

async function listForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    SELECT src.relname::text AS table, a.attname::text AS column, dst.relname::text AS references
      FROM pg_constraint k
      JOIN pg_class src ON src.oid = k.conrelid
      JOIN pg_class dst ON dst.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
     WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  return rows;
}

// Parents before children; a table that references itself is handled at load time.
function loadOrder(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();

  const visit = (table: string) => {
    if (done.has(table)) {
      return;
    }
    if (visiting.has(table)) {
      throw new BackupError(`Tables reference each other in a cycle through "${table}".`);
    }
    visiting.add(table);
    for (const key of keys) {
      if (key.table === table && key.references !== table && tables.includes(key.references)) {
        visit(key.references);
      }
    }
    visiting.delete(table);
    done.add(table);
    ordered.push(table);
  };

  tables.forEach(visit);
  return ordered;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query<{ table: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS table`,
  );
  if (!exists[0]?.table) {
    return [];
  }
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

// Streams a table's rows as JSON text in primary-key order, the same order both for the
// backup and for checksums of a restored database.
async function* readTable(client: pg.ClientBase, table: TableInfo): AsyncGenerator<string[]> {
  const order = table.primaryKey.length
    ? ` ORDER BY ${table.primaryKey.map((column) => `t.${quote(column)}`).join(", ")}`
    : "";
  const cursor = `backup_${table.name.replace(/\W/g, "_").toLowerCase()}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table.name)} t${order}`,
  );
  try {
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${batchSize} FROM ${cursor}`);
      if (rows.length === 0) {
        return;
      }
      yield rows.map((row) => row.row);
    }
  } finally {
    await client.query(`CLOSE ${cursor}`);
  }
}

// Row count and SHA-256 over the rows' JSON in primary-key order, per table.
export async function summarizeDatabase(
  connectionString: string,
): Promise<Record<string, TableSummary>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const summary: Record<string, TableSummary> = {};
    for (const table of await listTables(client)) {
      const hash = createHash("sha256");
      let rows = 0;
      for await (const batch of readTable(client, table)) {
        for (const row of batch) {
          hash.update(row).update("\n");
          rows += 1;
        }
      }
      summary[table.name] = { rows, checksum: hash.digest("hex") };
    }
    await client.query("COMMIT");
    return summary;
  } finally {
    await client.end();
  }
}

export async function backupDatabase({
  connectionString,
  file,
}: {
  connectionString: string;
  file: string;
}): Promise<Record<string, TableSummary>> {
  const client = new pg.Client({ connectionString });
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  const finished = once(output, "close");
  gzip.pipe(output);

  const write = async (value: Header | Batch | Trailer) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) {
      await once(gzip, "drain");
    }
  };

  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await write({
      format,
      version: formatVersion,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
    });

    const tables: Record<string, TableSummary> = {};
    for (const table of await listTables(client)) {
      const hash = createHash("sha256");
      let rows = 0;
      for await (const batch of readTable(client, table)) {
        for (const row of batch) {
          hash.update(row).update("\n");
        }
        rows += batch.length;
        await write({
          table: table.name,
          rows: batch.map((row) => JSON.parse(row) as Record<string, unknown>),
        });
      }
      tables[table.name] = { rows, checksum: hash.digest("hex") };
    }
    await client.query("COMMIT");
    await write({ end: true, tables });
    gzip.end();
    await finished;
    return tables;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (!line.trim()) {
      continue;
    }
    try {
      yield JSON.parse(line);
    } catch {
      throw new BackupError(`Line ${number} of the backup is not valid JSON: the file is damaged.`);
    }
  }
}

async function readHeader(file: string): Promise<Header> {
  try {
    for await (const value of readLines(file)) {
      const header = value as Partial<Header>;
      if (header.format !== format || !Array.isArray(header.migrations)) {
        throw new BackupError(`${file} is not a Framewise backup.`);
      }
      if (header.version !== formatVersion) {
        throw new BackupError(
          `${file} is a backup of format version ${String(header.version)}; this Framewise reads version ${formatVersion}.`,
        );
      }
      return header as Header;
    }
  } catch (error) {
    if (error instanceof BackupError) {
      throw error;
    }
    throw new BackupError(
      `${file} could not be read as a gzipped backup: ${(error as Error).message}`,
    );
  }
  throw new BackupError(`${file} is empty.`);
}

// Loads a backup into an empty database. Refuses one that already has tables, so a
// restore can never mix two databases' rows.
export async function restoreDatabase({
  connectionString,
  file,
  log = () => undefined,
}: {
  connectionString: string;
  file: string;
  log?: (message: string) => void;
}): Promise<Record<string, TableSummary>> {
  const header = await readHeader(file);

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    if (Number(rows[0]?.count ?? 0) > 0) {
      throw new BackupError(
        "The target database is not empty. Restore into a new, empty database (or pass --replace to the restore command to drop what is there first).",
      );
    }
  } finally {
    await client.end();
  }

  await migrate({ connectionString, only: new Set(header.migrations), log });

  const loader = new pg.Client({ connectionString });
  await loader.connect();
  const counts: Record<string, number> = {};
  let trailer: Trailer | null = null;
  try {
    await loader.query("BEGIN");
    const tables = (await listTables(loader)).map((table) => table.name);
    const keys = await listForeignKeys(loader);
    const selfReferences = keys.filter((key) => key.table === key.references);
    const batches = new Map<string, Record<string, unknown>[][]>();

    // Rows arrive table by table in name order; they are loaded in foreign-key order.
    for await (const value of readLines(file)) {
      if ((value as Trailer).end === true) {
        trailer = value as Trailer;
        continue;
      }
      const batch = value as Partial<Batch>;
      if (typeof batch.table !== "string" || !Array.isArray(batch.rows)) {
        continue;
      }
      if (!tables.includes(batch.table)) {
        throw new BackupError(
          `The backup has rows for a table "${batch.table}" that its migrations do not create.`,
        );
      }
      const list = batches.get(batch.table) ?? [];
      list.push(batch.rows);
      batches.set(batch.table, list);
    }
    if (!trailer) {
      throw new BackupError("The backup ends early (no closing summary): the file is incomplete.");
    }

    const deferred: { table: string; column: string; rows: Record<string, unknown>[] }[] = [];
    for (const table of loadOrder(tables, keys)) {
      const ownSelfReferences = selfReferences.filter((key) => key.table === table);
      for (const rows of batches.get(table) ?? []) {
        const loadable = rows.map((row) => {
          const copy = { ...row };
          for (const key of ownSelfReferences) {
            copy[key.column] = null;
          }
          return copy;
        });
        await loader.query(
          `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
          [JSON.stringify(loadable)],
        );
        counts[table] = (counts[table] ?? 0) + rows.length;
        for (const key of ownSelfReferences) {
          deferred.push({ table, column: key.column, rows });
        }
      }
    }

    // Self-references (an AI analysis pointing at its article) once every row exists.
    for (const { table, column, rows } of deferred) {
      const values = rows.filter((row) => row[column] !== null && row[column] !== undefined);
      if (values.length > 0) {
        await loader.query(
          `UPDATE ${quote(table)} AS t SET ${quote(column)} = v.value FROM json_to_recordset($1::json) AS v(id text, value text) WHERE t.id = v.id`,
          [JSON.stringify(values.map((row) => ({ id: row.id, value: row[column] })))],
        );
      }
    }

    // Identity and serial counters continue after the restored rows.
    const { rows: serials } = await loader.query<{ table_name: string; column_name: string }>(`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`);
    for (const serial of serials) {
      await loader.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(serial.column_name)}) FROM ${quote(serial.table_name)}), 0) + 1, false)`,
        [quote(serial.table_name), serial.column_name],
      );
    }

    for (const [table, summary] of Object.entries(trailer.tables)) {
      if ((counts[table] ?? 0) !== summary.rows) {
        throw new BackupError(
          `The backup says "${table}" has ${summary.rows} rows but ${counts[table] ?? 0} were read: the file is damaged.`,
        );
      }
    }
    await loader.query("COMMIT");
  } catch (error) {
    await loader.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await loader.end();
  }

  // Anything newer than the backup migrates the restored rows forward.
  await migrate({ connectionString, log });
  return trailer.tables;
}
