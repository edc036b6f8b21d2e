import { AppError } from "@/lib/errors/app-error";

// A fixed window per token (or per signed-in user without a token), counted in Postgres
// so the limit holds across app instances.
export const apiRateLimit = { windowSeconds: 60, maxRequests: 600 } as const;

// A 429 that knows when the window reopens, for the Retry-After header.
export class ApiRateLimitError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      "RATE_LIMITED",
      `Too many API requests: the limit is ${apiRateLimit.maxRequests} per ${apiRateLimit.windowSeconds} seconds for each token. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Keys share the SignInThrottle table (no table of its own): "api:token:<id>" or
// "api:user:<id>", whose `failures` column counts requests in the window.
export function getApiRateLimitKey(caller: { tokenId?: string; userId: string }): string {
  return caller.tokenId ? `api:token:${caller.tokenId}` : `api:user:${caller.userId}`;
}
