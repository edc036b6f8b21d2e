import { PrismaPg } from "@prisma/adapter-pg";

import { getEnv } from "@/lib/env";

import { PrismaClient } from "./generated/client";

// Password hashes never leave the data layer unless a query asks for them.
const clientOptions = { omit: { user: { passwordHash: true } } } as const;

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, ...clientOptions });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { framewisePrisma?: Db };

// One client per process; survives Next.js dev hot reloads.
export function getDb() {
  globalForPrisma.framewisePrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.framewisePrisma;
}
