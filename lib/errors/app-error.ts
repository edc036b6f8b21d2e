// One error type for expected failures, with a closed set of codes. Route handlers
// map codes to HTTP statuses; server actions map them to `{ ok: false }` results.

export const appErrorStatus = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_JSON: 400,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export type FieldErrors = Record<string, string[]>;

// Data a client needs to recover, sent with the error (a conflict carries both versions,
// so the person can keep theirs, take the other or merge). Must be safe to show.
export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    fieldErrors?: FieldErrors,
    details?: ErrorDetails,
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

export function notFound(what = "This page"): AppError {
  return new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
}

export function unauthorized(): AppError {
  return new AppError("UNAUTHORIZED", "Please sign in to continue.");
}

export function forbidden(message = "Your role in this workspace does not allow that."): AppError {
  return new AppError("FORBIDDEN", message);
}

type PrismaLikeError = { code?: unknown; name?: unknown };

// Translates known database failures into AppErrors; anything else becomes INTERNAL
// with a generic message (the original is logged by the caller, never sent).
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }

  const code = (error as PrismaLikeError | null)?.code;

  if (code === "P2002") {
    return new AppError("CONFLICT", "That already exists.");
  }

  if (code === "P2025") {
    return notFound("That item");
  }

  // Two transactions in each other's way (a deadlock, a serialization failure): Postgres
  // rolled one back, and the same request sent again will go through.
  if (
    (error as PrismaLikeError | null)?.code === "P2034" ||
    transactionConflictSqlStates.has(String(postgresCode(error)))
  ) {
    return new AppError(
      "UNAVAILABLE",
      "Someone else was saving at the same moment. Please try again.",
    );
  }

  if (postgresCode(error) === queryCanceled) {
    return new AppError(
      "UNAVAILABLE",
      "That took too long, so it was stopped. Please try again in a moment.",
    );
  }

  if (isConnectionError(error)) {
    return new AppError(
      "UNAVAILABLE",
      "The database is not reachable right now. Please try again in a moment.",
    );
  }

  return new AppError("INTERNAL", "Something went wrong on our side. Please try again.");
}

// Postgres SQLSTATEs that mean "the server is going away or not there yet": connection
// exceptions (class 08), admin/crash shutdown, starting up, and too many connections.
const unavailableSqlStates = /^(08...|57P01|57P02|57P03|53300)$/;
const unavailableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  // Prisma: can't reach the server, server closed the connection, no transaction slot in time.
  "P1001",
  "P1002",
  "P1017",
  "P2028",
]);

// Prisma 7 with the pg adapter wraps the driver's error (meta.driverAdapterError, whose cause
// has the kind and the original SQLSTATE); pg itself throws plain errors with a code. Looks
// through the wrappers a few levels deep. Also tells lib/db/database-health.ts when the
// database went away.
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) {
    return false;
  }
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };

  if (typeof candidate.code === "string" && unavailableCodes.has(candidate.code)) {
    return true;
  }
  if (typeof candidate.kind === "string" && unavailableKinds.has(candidate.kind)) {
    return true;
  }
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code === "string" && unavailableSqlStates.test(code)) {
      return true;
    }
  }
  if (
    typeof candidate.message === "string" &&
    /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(
      candidate.message,
    )
  ) {
    return true;
  }
  return (
    isConnectionError(candidate.cause, depth + 1) ||
    isConnectionError(candidate.meta?.driverAdapterError, depth + 1)
  );
}

// Postgres cancelled the statement (statement_timeout, lib/db/client.ts).
const queryCanceled = "57014";
// serialization_failure, deadlock_detected.
const transactionConflictSqlStates = new Set(["40001", "40P01"]);

// The SQLSTATE behind an error from pg directly or from Prisma's pg adapter, which nests
// it (meta.driverAdapterError.cause.originalCode).
function postgresCode(error: unknown): unknown {
  const nested = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: { originalCode?: unknown; code?: unknown };
  } | null;
  const cause = nested?.meta?.driverAdapterError?.cause ?? nested?.cause;
  return cause?.originalCode ?? cause?.code ?? nested?.code;
}
