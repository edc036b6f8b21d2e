import "server-only";

import { apiRateLimit, ApiRateLimitError } from "@/lib/api/rate-limit";
import { getDb } from "@/lib/db/client";

type CountApiRequestOptions = { key: string; limit?: number; windowSeconds?: number };

// Fixed-window counter in the SignInThrottle table (key, failures = requests so far,
// windowStart). One atomic upsert, so concurrent requests on several instances all count;
// the time arithmetic stays in SQL so app and database clocks cannot disagree.
export async function countApiRequest({
  key,
  limit = apiRateLimit.maxRequests,
  windowSeconds = apiRateLimit.windowSeconds,
}: CountApiRequestOptions): Promise<{ count: number; retryAfterSeconds: number }> {
  const rows = await getDb().$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
    VALUES (${key}, 1, LOCALTIMESTAMP)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" <= LOCALTIMESTAMP - make_interval(secs => ${windowSeconds})
                        THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= LOCALTIMESTAMP - make_interval(secs => ${windowSeconds})
                           THEN LOCALTIMESTAMP ELSE "SignInThrottle"."windowStart" END
    RETURNING "failures" AS "count",
      -- windowStart is stored to the millisecond, rounded, so it can sit a fraction after
      -- LOCALTIMESTAMP: clamp to the window so the wait is never longer than it.
      LEAST(${windowSeconds}, GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - LOCALTIMESTAMP)))))::int AS "retryAfter"`;

  const row = rows[0];
  const count = row?.count ?? 1;
  const retryAfterSeconds = row?.retryAfter ?? windowSeconds;

  if (count > limit) {
    throw new ApiRateLimitError(retryAfterSeconds);
  }

  return { count, retryAfterSeconds };
}
