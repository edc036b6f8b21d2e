import "server-only";

import { commonPasswordMessage, isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { SignUpInput } from "@/lib/validations/auth";

import { recordAuditEvent } from "../audit/record-audit-event";

export async function createUser(input: SignUpInput) {
  if (isCommonPassword(input.password)) {
    throw new AppError("INVALID_INPUT", commonPasswordMessage, {
      password: [commonPasswordMessage],
    });
  }

  const passwordHash = await hashPassword(input.password);

  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });

      await recordAuditEvent({
        tx,
        workspaceId: null,
        actorId: user.id,
        action: "user.sign-up",
        entityType: "user",
        entityId: user.id,
        after: { id: user.id, name: user.name },
      });

      return user;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") {
      const message =
        "This email cannot be used to sign up. If you already have an account, sign in instead.";
      throw new AppError("CONFLICT", message, { email: [message] });
    }
    throw error;
  }
}
