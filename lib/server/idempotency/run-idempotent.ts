import "server-only";

import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import { fingerprintRequest } from "./idempotency-key";

export type IdempotentResult = { status: number; body: Prisma.InputJsonValue };

// Stores the answer inside the caller's own transaction (see runIdempotent's `transactional`).
export type RecordIdempotentResult = (
  tx: Prisma.TransactionClient,
  result: IdempotentResult,
) => Promise<void>;

type RunIdempotentOptions = {
  // Whose key and which operation: keys are the caller's own, per route and resource.
  scope: string;
  key: string | null;
  // The validated input; a retry must send the same.
  input: unknown;
  // true: `run` calls `record` inside the transaction that creates the rows, so the stored
  // answer and the rows commit or roll back together, and a concurrent duplicate waits on
  // the key's unique index, then replays. false: a pending row claims the key first, and a
  // concurrent duplicate gets 409 "in progress".
  transactional: boolean;
};

export const idempotencyRetentionMs = 24 * 60 * 60 * 1000;
const pruneEveryMs = 10 * 60 * 1000;
const globalForPrune = globalThis as unknown as { framewiseIdempotencyPrunedAt?: number };

// Keys live 24 hours; pruned at most every ten minutes per process, in the background.
function pruneIdempotencyKeysNow() {
  const now = Date.now();
  if ((globalForPrune.framewiseIdempotencyPrunedAt ?? 0) > now - pruneEveryMs) {
    return;
  }
  globalForPrune.framewiseIdempotencyPrunedAt = now;
  getDb()
    .idempotencyKey.deleteMany({
      where: { createdAt: { lt: new Date(now - idempotencyRetentionMs) } },
    })
    .catch((error: unknown) => console.error("[idempotency] pruning old keys failed", error));
}

async function findKey(scope: string, key: string) {
  const row = await getDb().idempotencyKey.findUnique({
    where: { scope_key: { scope, key } },
    select: { requestHash: true, status: true, body: true, createdAt: true },
  });
  if (row && row.createdAt.getTime() < Date.now() - idempotencyRetentionMs) {
    await getDb().idempotencyKey.deleteMany({
      where: { scope, key, createdAt: row.createdAt },
    });
    return null;
  }
  return row;
}

type StoredKey = NonNullable<Awaited<ReturnType<typeof findKey>>>;

function replay(row: StoredKey, requestHash: string): NextResponse {
  if (row.requestHash !== requestHash) {
    return apiErrorResponse(
      new AppError(
        "INVALID_INPUT",
        "This Idempotency-Key was already used for a different request. Send a new key with each new request, and the same key only when retrying the very same one.",
      ),
    );
  }
  if (row.status === null) {
    const response = apiErrorResponse(
      new AppError(
        "CONFLICT",
        "A request with this Idempotency-Key is still being processed. Try again in a moment to get its answer.",
        undefined,
        { idempotency: "in-progress" },
      ),
    );
    response.headers.set("Retry-After", "1");
    return response;
  }
  return NextResponse.json(row.body, {
    status: row.status,
    headers: { "Idempotent-Replayed": "true" },
  });
}

function respond(result: IdempotentResult): NextResponse {
  return NextResponse.json(result.body, { status: result.status });
}

// Runs a create at most once per Idempotency-Key: a retry with the same key and input gets
// the first answer again (with `Idempotent-Replayed: true`); the same key with other input
// is 422. Only successful answers are kept; a failure (nothing was created) frees the key,
// so the client may retry it. Errors thrown by `run` propagate to the route's handler.
export async function runIdempotent(
  { scope, key, input, transactional }: RunIdempotentOptions,
  run: (record: RecordIdempotentResult | undefined) => Promise<IdempotentResult>,
): Promise<NextResponse> {
  if (key === null) {
    return respond(await run(undefined));
  }

  pruneIdempotencyKeysNow();
  const requestHash = fingerprintRequest(input);
  const existing = await findKey(scope, key);
  if (existing) {
    return replay(existing, requestHash);
  }

  if (transactional) {
    const record: RecordIdempotentResult = async (tx, result) => {
      await tx.idempotencyKey.create({
        data: { scope, key, requestHash, status: result.status, body: result.body },
        select: { key: true },
      });
    };
    try {
      return respond(await run(record));
    } catch (error) {
      // A concurrent duplicate committed first: our transaction failed on the key's unique
      // index and rolled back, so answer with the first request's result.
      const winner = await findKey(scope, key).catch(() => null);
      if (winner) {
        return replay(winner, requestHash);
      }
      throw error;
    }
  }

  const { count } = await getDb().idempotencyKey.createMany({
    data: [{ scope, key, requestHash }],
    skipDuplicates: true,
  });
  if (count === 0) {
    const winner = await findKey(scope, key);
    if (winner) {
      return replay(winner, requestHash);
    }
    throw new AppError("CONFLICT", "This Idempotency-Key is in use. Try again in a moment.");
  }

  let result: IdempotentResult;
  try {
    result = await run(undefined);
  } catch (error) {
    await getDb()
      .idempotencyKey.deleteMany({ where: { scope, key, status: null } })
      .catch(() => undefined);
    throw error;
  }

  if (result.status >= 200 && result.status < 300) {
    await getDb().idempotencyKey.update({
      where: { scope_key: { scope, key } },
      data: { status: result.status, body: result.body },
      select: { key: true },
    });
  } else {
    await getDb().idempotencyKey.deleteMany({ where: { scope, key, status: null } });
  }
  return respond(result);
}

// What NextResponse.json would send (dates as ISO strings), so a replay is byte-for-byte the
// first answer.
export function toJsonBody(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
