import pg from "pg";

import { getEnv } from "@/lib/env";
import { isConnectionError } from "@/lib/errors/app-error";

// Whether Postgres is reachable, as last seen by this process. proxy.ts reads it before
// every page so a page answers 503 "try again" while the database is down, instead of the
// error page with status 500 (Next.js gives a page that throws no way to set its status).
//
// Normal requests cost nothing here: while the state is "up" no query is made. The state
// goes "down" when app code sees a connection error (instrumentation.ts for pages and
// actions, lib/http/error-response.ts for the API, the pool's error events when Postgres
// shuts its connections); while it is down, a `SELECT 1` on a fresh connection decides when
// it is back. At most one probe runs at a time, and the next starts `probeEveryMs` after
// the last one ended.
//
// proxy.ts and the render code are separate bundles with their own copies of this module,
// so the state lives on globalThis, which they share in one `next start` process.

export const probeEveryMs = 1_000;
// A stopped server refuses at once; this bounds the wait when the host does not answer.
const probeTimeoutMs = 1_000;

type DatabaseHealth = {
  isDown: boolean;
  downSince: number | null;
  lastProbeAt: number;
  probe: Promise<boolean> | null;
};

const globalForHealth = globalThis as unknown as { framewiseDatabaseHealth?: DatabaseHealth };

function getHealth(): DatabaseHealth {
  globalForHealth.framewiseDatabaseHealth ??= {
    isDown: false,
    downSince: null,
    lastProbeAt: 0,
    probe: null,
  };
  return globalForHealth.framewiseDatabaseHealth;
}

// Called with any error from database code; only connection failures count (the same
// classification that makes the API answer 503), not bad queries or timeouts.
export function reportDatabaseError(error: unknown): void {
  // P2028 is also "no transaction slot in time" on a busy but reachable server.
  if (!isConnectionError(error) || (error as { code?: unknown } | null)?.code === "P2028") {
    return;
  }
  const health = getHealth();
  if (!health.isDown) {
    console.warn("[database] unreachable; pages answer 503 until it is back");
    health.isDown = true;
    health.downSince = Date.now();
  }
}

// Answers from the cached state while the database is up. While it is down, waits for a
// probe (one already running, or a new one if the last is older than probeEveryMs), so the
// first page after Postgres returns is served normally.
export async function isDatabaseDown(): Promise<boolean> {
  const health = getHealth();
  if (!health.isDown) {
    return false;
  }
  if (!health.probe && Date.now() - health.lastProbeAt >= probeEveryMs) {
    health.probe = probeDatabase().finally(() => {
      // Counted from the end, so slow probes never run back to back.
      health.lastProbeAt = Date.now();
      health.probe = null;
    });
  }
  if (health.probe) {
    await health.probe;
  }
  return health.isDown;
}

async function probeDatabase(): Promise<boolean> {
  const health = getHealth();
  const client = new pg.Client({
    connectionString: getEnv().DATABASE_URL,
    connectionTimeoutMillis: probeTimeoutMs,
    query_timeout: probeTimeoutMs,
  });
  // A connection that fails after connecting must not crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    if (health.isDown) {
      console.warn(
        `[database] reachable again after ${Date.now() - (health.downSince ?? Date.now())} ms`,
      );
    }
    health.isDown = false;
    health.downSince = null;
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
