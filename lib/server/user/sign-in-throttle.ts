import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export const throttlePolicy = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
} as const;

export function throttleKeys(email: string, address: string | null) {
  return { account: `email:${email}`, address: address ? `ip:${address}` : null };
}

// Counts apply to any email string, existing or not, so a lockout says nothing
// about whether an account exists.
export async function assertNotThrottled(keys: string[]) {
  const locked = await getDb().signInThrottle.findFirst({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    orderBy: { lockedUntil: "desc" },
    select: { lockedUntil: true },
  });

  if (locked?.lockedUntil) {
    const minutes = Math.max(1, Math.ceil((locked.lockedUntil.getTime() - Date.now()) / 60_000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

export async function recordSignInFailure(key: string, maxFailures: number) {
  const { windowMinutes, lockMinutes } = throttlePolicy;

  // One atomic upsert so that concurrent failures from several instances all count.
  await getDb().$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
    VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes})
                        THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes})
                           THEN now() ELSE "SignInThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "SignInThrottle"."windowStart" >= now() - make_interval(mins => ${windowMinutes})
                            AND "SignInThrottle"."failures" + 1 >= ${maxFailures}
                           THEN now() + make_interval(mins => ${lockMinutes})
                           ELSE "SignInThrottle"."lockedUntil" END`;
}

export async function clearSignInFailures(key: string) {
  await getDb().signInThrottle.deleteMany({ where: { key } });
}
