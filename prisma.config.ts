import { defineConfig } from "prisma/config";

// The CLI only needs a URL for `migrate`/`studio`; `generate` works without one.
// The app itself never reads this file: lib/db/client.ts builds the adapter.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/framewise" },
});
