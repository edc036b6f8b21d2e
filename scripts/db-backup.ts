// npm run db:backup [-- --out FILE] — a consistent logical backup of DATABASE_URL, or of
// the embedded default, that needs no pg_dump (see lib/db/backup.ts).
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { backupDatabase, BackupError } from "@/lib/db/backup";

import { resolveDatabase, stateDir } from "./lib/database";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(
    option("--out") ?? path.join(stateDir, "backups", `framewise-${stamp}.fwbackup.gz`),
  );
  await mkdir(path.dirname(file), { recursive: true });

  const database = await resolveDatabase((message) => console.log(message));
  try {
    const tables = await backupDatabase({ connectionString: database.url, file });
    const rows = Object.values(tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`Backed up ${rows} rows from ${Object.keys(tables).length} tables to ${file}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
