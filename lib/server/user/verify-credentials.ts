import "server-only";

import { burnVerifyTime, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/validations/auth";

import {
  assertNotThrottled,
  clearSignInFailures,
  recordSignInFailure,
  throttleKeys,
  throttlePolicy,
} from "./sign-in-throttle";

export const invalidCredentialsMessage = "Email or password is incorrect.";

type VerifyCredentialsOptions = { email: unknown; password: unknown; address: string | null };

// Returns the user on success and null on any failure, with one message for every
// kind of failure; throws an AppError("RATE_LIMITED") while a key is locked.
export async function verifyCredentials({ email, password, address }: VerifyCredentialsOptions) {
  const parsed = signInSchema.safeParse({ email, password });

  if (!parsed.success) {
    return null;
  }

  const keys = throttleKeys(parsed.data.email, address);
  await assertNotThrottled([keys.account, ...(keys.address ? [keys.address] : [])]);

  const user = await getDb().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });

  const isValid = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await burnVerifyTime(parsed.data.password), false);

  if (!user || !isValid) {
    await recordSignInFailure(keys.account, throttlePolicy.maxFailuresPerAccount);
    if (keys.address) {
      await recordSignInFailure(keys.address, throttlePolicy.maxFailuresPerAddress);
    }
    return null;
  }

  await clearSignInFailures(keys.account);
  return { id: user.id, email: user.email, name: user.name };
}
