import "server-only";

import { NextResponse } from "next/server";

import { reportDatabaseError } from "@/lib/db/database-health";
import { toAppError } from "@/lib/errors/app-error";

// Unknown errors are logged in full and answered with a generic message.
export function errorResponse(error: unknown): NextResponse {
  const appError = toAppError(error);

  if (appError.code === "INTERNAL") {
    console.error("[api]", error);
  } else if (appError.code === "UNAVAILABLE") {
    // One line each: during a database restart every request lands here.
    console.warn("[api] database unavailable:", (error as { message?: unknown }).message);
    // Pages answer 503 too from now on, until a probe finds the database back.
    reportDatabaseError(error);
  }

  return NextResponse.json(
    {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}),
        ...(appError.details ? { details: appError.details } : {}),
      },
    },
    {
      status: appError.status,
      headers: appError.code === "UNAVAILABLE" ? { "Retry-After": "2" } : {},
    },
  );
}
