import "server-only";

import type { NextResponse } from "next/server";

import { toAppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";

import { ApiRateLimitError } from "./rate-limit";

// The shared error response, plus the headers API clients rely on: Retry-After on 429,
// and WWW-Authenticate on 401 (RFC 6750) so a client knows to send a bearer token.
export function apiErrorResponse(error: unknown): NextResponse {
  const response = errorResponse(error);

  if (error instanceof ApiRateLimitError) {
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  if (toAppError(error).code === "UNAUTHORIZED") {
    response.headers.set("WWW-Authenticate", 'Bearer realm="Framewise API"');
  }

  return response;
}
