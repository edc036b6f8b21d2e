import "server-only";

import pg from "pg";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

// Exports read through their own small pg pool rather than Prisma: one connection holds a
// REPEATABLE READ, READ ONLY transaction for the whole export, so the row count, the
// W3C `total` and every keyset page see the same snapshot of the data, and rows arrive as
// plain objects without Prisma's mapping cost (see bench/export). Writes still go through
// Prisma.

const maxConnections = 4;
// A download whose reader stops pulling holds a transaction open; Postgres ends it after
// this long, and the stream's own timer releases the connection.
export const exportIdleTimeoutMs = 5 * 60 * 1000;

const globalForExport = globalThis as unknown as { framewiseExportPool?: pg.Pool };

function getExportPool(): pg.Pool {
  if (!globalForExport.framewiseExportPool) {
    const pool = new pg.Pool({
      connectionString: getEnv().DATABASE_URL,
      max: maxConnections,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server must not crash the process.
    pool.on("error", (error) => console.error("[export-pool]", error));
    globalForExport.framewiseExportPool = pool;
  }

  return globalForExport.framewiseExportPool;
}

export type ExportReader = {
  query: <Row extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<Row[]>;
  // Rows as arrays of column values in SELECT order: for the hot path, where pg building
  // an object with named keys per row costs more than the row's data (see bench/export).
  queryArrays: (sql: string, params: unknown[]) => Promise<unknown[][]>;
  // Ends the transaction and gives the connection back (destroyed after an error).
  close: (error?: unknown) => Promise<void>;
};

export async function openExportReader(): Promise<ExportReader> {
  let client: pg.PoolClient;
  try {
    client = await getExportPool().connect();
  } catch (error) {
    console.error("[export-pool]", error);
    throw new AppError(
      "UNAVAILABLE",
      "Too many exports are running right now. Please try again in a moment.",
    );
  }

  let failure: unknown = null;
  const onError = (error: unknown) => {
    failure = error;
  };
  client.on("error", onError);

  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(
      `SET LOCAL idle_in_transaction_session_timeout = ${Math.round(exportIdleTimeoutMs)}`,
    );
  } catch (error) {
    client.off("error", onError);
    client.release(true);
    throw error;
  }

  let isClosed = false;
  // Queries run one after another; a caller may ask for the next page before the current one
  // arrives, and it is sent the moment the connection is free (pg itself no longer queues).
  let tail: Promise<unknown> = Promise.resolve();

  const enqueue = <Result>(run: () => Promise<Result>): Promise<Result> => {
    const next = tail.then(async () => {
      if (failure) {
        throw failure instanceof Error ? failure : new Error("The export connection failed.");
      }
      return run();
    });
    tail = next.catch(() => undefined);
    return next;
  };

  return {
    query<Row extends pg.QueryResultRow>(sql: string, params: unknown[]) {
      return enqueue(async () => (await client.query<Row>(sql, params)).rows);
    },
    queryArrays(sql: string, params: unknown[]) {
      return enqueue(
        async () =>
          (await client.query<unknown[]>({ text: sql, values: params, rowMode: "array" })).rows,
      );
    },
    async close(error?: unknown) {
      if (isClosed) {
        return;
      }
      isClosed = true;
      await tail;

      const isBroken = Boolean(error ?? failure);
      try {
        if (!isBroken) {
          await client.query("COMMIT");
        }
      } catch {
        // The connection is dropped below; nothing was written.
      } finally {
        client.off("error", onError);
        // A broken or aborted transaction is not worth rolling back: destroying the
        // connection ends it and frees any advisory lock it held.
        client.release(isBroken ? true : undefined);
      }
    },
  };
}
