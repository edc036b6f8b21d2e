// npm run db:seed — add the demo content to the embedded database if its demo account is missing.
// Refused when DATABASE_URL is set: demo content never goes into a real server.
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { demoAccount, seedDemoContent } from "@/lib/server/demo/seed-demo";

import { resolveDatabase } from "./lib/database";

async function main() {
  if (process.env.DATABASE_URL) {
    console.error(
      "db:seed only seeds the embedded database; DATABASE_URL is set (production mode), so nothing was written.",
    );
    process.exit(1);
  }

  const database = await resolveDatabase((message) => console.log(message));
  const db = createPrismaClient(database.url);
  try {
    await migrate({ connectionString: database.url });
    if (await db.user.findUnique({ where: { email: demoAccount.email }, select: { id: true } })) {
      console.log(`The demo content is already there (${demoAccount.email}).`);
      return;
    }
    const account = await seedDemoContent(db);
    console.log(`Demo content added. Sign in as ${account.email} / ${account.password}.`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
