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

// Postgres cancelled the statement (statement_timeout, lib/db/client.ts).
const queryCanceled = "57014";

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

function isConnectionError(error: unknown): boolean {
  const code = (error as PrismaLikeError | null)?.code;
  return (
    code === "ECONNREFUSED" ||
    code === "P1001" ||
    code === "P1017" ||
    code === "57P01" ||
    postgresCode(error) === "57P01"
  );
}
