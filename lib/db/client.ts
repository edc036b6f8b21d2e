import { PrismaPg } from "@prisma/adapter-pg";

import { getEnv } from "@/lib/env";

import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// Password hashes never leave the data layer unless a query asks for them.
const clientOptions = { omit: { user: { passwordHash: true } } } as const;

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, ...clientOptions });
}

const globalForPrisma = globalThis as unknown as { framewisePrisma?: ReturnType<typeof createPrismaClient> };

// One client per process; survives Next.js dev hot reloads.
export function getDb() {
  globalForPrisma.framewisePrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.framewisePrisma;
}
