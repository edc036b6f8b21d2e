// Applies prisma/migrations/*/migration.sql without Prisma's schema engine (which
// cannot be downloaded everywhere), recording each in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so Prisma's own tools keep working on the same database.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

// The advisory lock key Prisma's migrate uses, so this migrator and
// `prisma migrate deploy` also serialise with each other.
const advisoryLockKey = 72707369;

const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrateOptions = {
  connectionString: string;
  migrationsDir?: string;
  log?: (message: string) => void;
  // Apply only these migrations (a restore first rebuilds the schema its backup was taken on).
  only?: ReadonlySet<string>;
};

type MigrationFile = { name: string; file: string; sql: string; checksum: string };

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma", "migrations");

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

// Prisma accepts a file whose line endings changed (a checkout on Windows) as unchanged.
function matchesChecksum(sql: string, checksum: string): boolean {
  const lf = sql.replace(/\r\n/g, "\n");
  return [sql, lf, lf.replace(/\n/g, "\r\n")].some((variant) => checksumOf(variant) === checksum);
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new MigrationError(
      `Cannot read the migrations folder ${migrationsDir}: ${(error as Error).message}`,
    );
  });

  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];

  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    const exists = await stat(file).then(
      () => true,
      () => false,
    );

    if (!exists) {
      throw new MigrationError(`The migration folder ${name} has no migration.sql (${file}).`);
    }

    const sql = await readFile(file, "utf8");
    migrations.push({ name, file, sql, checksum: checksumOf(sql) });
  }

  return migrations;
}

export async function migrate({
  connectionString,
  migrationsDir = defaultMigrationsDir,
  log = () => undefined,
  only,
}: MigrateOptions) {
  const migrations = (await readMigrations(migrationsDir)).filter(
    (migration) => !only || only.has(migration.name),
  );
  const client = new pg.Client({ connectionString });
  const applied: string[] = [];

  await client.connect();

  try {
    // Held for the whole run: a second instance waits here, then finds nothing to do.
    await client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
    await client.query(createMigrationsTable);

    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    const onDisk = new Set(migrations.map((migration) => migration.name));

    for (const row of rows) {
      if (!onDisk.has(row.migration_name)) {
        throw new MigrationError(
          `The database has migration ${row.migration_name} applied, but prisma/migrations has no folder of that name. Restore it, or point DATABASE_URL at the right database.`,
        );
      }
      if (row.finished_at === null) {
        throw new MigrationError(
          `Migration ${row.migration_name} started earlier but did not finish. Inspect the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}) before starting again.`,
        );
      }
    }

    for (const migration of migrations) {
      const previous = byName.get(migration.name);

      if (previous) {
        if (!matchesChecksum(migration.sql, previous.checksum)) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (${path.relative(process.cwd(), migration.file)}): its checksum no longer matches. Restore the file, and put the change in a new migration.`,
          );
        }
        continue;
      }

      await applyOne(client, migration);
      applied.push(migration.name);
      log(`Applied migration ${migration.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey]).catch(() => undefined);
    await client.end();
  }

  return { applied };
}

// One transaction per migration: its statements and its record land together or not at all.
async function applyOne(client: pg.Client, migration: MigrationFile) {
  await client.query("BEGIN");

  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
}
