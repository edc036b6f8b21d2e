// npm run db:restore -- FILE [--replace] — loads a backup made by db:backup into
// DATABASE_URL, or into the embedded default. The database must be empty unless --replace
// is given, which first drops everything in it.
import pg from "pg";

import { BackupError, restoreDatabase } from "@/lib/db/backup";

import { resolveDatabase } from "./lib/database";

async function dropEverything(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

async function main() {
  const file = process.argv.slice(2).find((argument) => !argument.startsWith("--"));
  if (!file) {
    throw new BackupError("Name the backup file: npm run db:restore -- path/to/backup.fwbackup.gz");
  }

  const database = await resolveDatabase((message) => console.log(message));
  try {
    if (process.argv.includes("--replace")) {
      console.log("Dropping everything in the database first (--replace).");
      await dropEverything(database.url);
    }
    const tables = await restoreDatabase({
      connectionString: database.url,
      file,
      log: (message) => console.log(message),
    });
    const rows = Object.values(tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`Restored ${rows} rows into ${Object.keys(tables).length} tables.`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
