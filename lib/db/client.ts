import { getEnv } from "@/lib/env";

import { reportDatabaseError } from "./database-health";
import { SerializedPrismaPg } from "./serialized-prisma-pg";

import { PrismaClient } from "./generated/client";

// Password hashes never leave the data layer unless a query asks for them.
const clientOptions = { omit: { user: { passwordHash: true } } } as const;

// No statement may hold a connection for long: a runaway query is cancelled by Postgres
// after this and the request answers 503 "try again" instead of hanging (lib/errors).
export const defaultStatementTimeoutMs = 15_000;

type CreatePrismaClientOptions = { statementTimeoutMs?: number };

export function createPrismaClient(
  connectionString: string,
  { statementTimeoutMs = defaultStatementTimeoutMs }: CreatePrismaClientOptions = {},
) {
  const adapter = new SerializedPrismaPg(
    {
      connectionString,
      max: 10,
      connectionTimeoutMillis: 5_000,
      statement_timeout: statementTimeoutMs,
    },
    // Postgres shutting down ends every open connection at once (57P01): pages know the
    // database is gone before the first one fails.
    { onPoolError: reportDatabaseError, onConnectionError: reportDatabaseError },
  );
  return new PrismaClient({ adapter, ...clientOptions });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { framewisePrisma?: Db };

// One client per process; survives Next.js dev hot reloads.
export function getDb() {
  globalForPrisma.framewisePrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.framewisePrisma;
}
