// npm run db:migrate — apply pending migrations to DATABASE_URL, or to the embedded default.
import { migrate, MigrationError } from "@/lib/db/migrate";

import { resolveDatabase } from "./lib/database";

async function main() {
  const database = await resolveDatabase((message) => console.log(message));

  try {
    const { applied } = await migrate({
      connectionString: database.url,
      log: (message) => console.log(message),
    });
    console.log(
      applied.length === 0
        ? "The database is up to date."
        : `Applied ${applied.length} migration(s).`,
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
