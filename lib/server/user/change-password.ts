import "server-only";

import { commonPasswordMessage, isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { AppError, unauthorized } from "@/lib/errors/app-error";
import type { ChangePasswordInput } from "@/lib/validations/auth";

import { recordAuditEvent } from "../audit/record-audit-event";

import {
  assertNotThrottled,
  clearSignInFailures,
  recordSignInFailure,
  throttleKeys,
  throttlePolicy,
} from "./sign-in-throttle";

type ChangePasswordOptions = {
  userId: string;
  currentSessionId: string;
  input: ChangePasswordInput;
};

// Needs the current password (a borrowed, signed-in browser must not be enough to take
// the account over), counted like a failed sign-in so it cannot be guessed here instead.
// Every other session ends in the same transaction as the new hash: whoever knew the old
// password is signed out everywhere.
export async function changePassword({ userId, currentSessionId, input }: ChangePasswordOptions) {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true },
  });

  if (!user) {
    throw unauthorized();
  }

  const { account } = throttleKeys(user.email, null);
  await assertNotThrottled([account]);

  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordSignInFailure(account, throttlePolicy.maxFailuresPerAccount);
    const message = "Your current password is not right.";
    throw new AppError("INVALID_INPUT", message, { currentPassword: [message] });
  }
  await clearSignInFailures(account);

  if (input.newPassword === input.currentPassword) {
    const message = "Choose a new password that differs from your current one.";
    throw new AppError("INVALID_INPUT", message, { newPassword: [message] });
  }
  if (isCommonPassword(input.newPassword)) {
    throw new AppError("INVALID_INPUT", commonPasswordMessage, {
      newPassword: [commonPasswordMessage],
    });
  }

  const passwordHash = await hashPassword(input.newPassword);

  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    const { count } = await tx.userSession.updateMany({
      where: { userId, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: new Date() },
    });

    await recordAuditEvent({
      tx,
      workspaceId: null,
      actorId: userId,
      action: "user.password.change",
      entityType: "user",
      entityId: userId,
      after: { endedSessions: count },
    });

    return { endedSessions: count };
  });
}
