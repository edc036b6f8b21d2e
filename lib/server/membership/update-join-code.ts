import "server-only";

import { randomInt } from "node:crypto";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import {
  joinCodeAlphabet,
  joinCodeLength,
  type UpdateJoinCodeInput,
} from "@/lib/validations/membership";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

type UpdateJoinCodeOptions = { userId: string; input: UpdateJoinCodeInput; now?: Date };

export type JoinCodeState = { code: string | null; enabled: boolean; expiresAt: Date | null };

export function generateJoinCode(): string {
  let code = "";
  for (let index = 0; index < joinCodeLength; index += 1) {
    code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
  }
  return code;
}

function expiryFrom(expiresIn: UpdateJoinCodeInput["expiresIn"], now: Date): Date | null {
  return expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * 86_400_000);
}

// Instructors create, rotate (a new code; the old one stops working at once), switch on
// or switch off the workspace's join code. Students get "forbidden", outsiders "not found".
export async function updateJoinCode({
  userId,
  input,
  now = new Date(),
}: UpdateJoinCodeOptions): Promise<JoinCodeState> {
  await requireMembership({ userId, workspaceId: input.workspaceId, permission: "teachClass" });

  for (let attempt = 0; ; attempt += 1) {
    try {
      return await getDb().$transaction(async (tx) => {
        const current = await tx.workspace.findUniqueOrThrow({
          where: { id: input.workspaceId },
          select: { joinCode: true, joinCodeEnabled: true, joinCodeExpiresAt: true },
        });

        let next: JoinCodeState;
        if (input.action === "create" || input.action === "rotate") {
          next = {
            code: generateJoinCode(),
            enabled: true,
            expiresAt: expiryFrom(input.expiresIn, now),
          };
        } else if (input.action === "enable") {
          if (!current.joinCode) {
            throw new AppError(
              "INVALID_INPUT",
              "There is no join code to switch on yet. Create one first.",
            );
          }
          next = {
            code: current.joinCode,
            enabled: true,
            expiresAt: expiryFrom(input.expiresIn, now),
          };
        } else {
          next = { code: current.joinCode, enabled: false, expiresAt: current.joinCodeExpiresAt };
        }

        await tx.workspace.update({
          where: { id: input.workspaceId },
          data: {
            joinCode: next.code,
            joinCodeEnabled: next.enabled,
            joinCodeExpiresAt: next.expiresAt,
          },
        });

        await recordAuditEvent({
          tx,
          workspaceId: input.workspaceId,
          actorId: userId,
          action: `workspace.join-code.${input.action}`,
          entityType: "workspace",
          entityId: input.workspaceId,
          // The code itself is a secret of sorts; the log says what happened, not the code.
          before: {
            enabled: current.joinCodeEnabled,
            expiresAt: current.joinCodeExpiresAt?.toISOString() ?? null,
          },
          after: { enabled: next.enabled, expiresAt: next.expiresAt?.toISOString() ?? null },
        });

        return next;
      });
    } catch (error) {
      // A freshly drawn code that another workspace already has: draw again.
      if ((error as { code?: unknown }).code === "P2002" && attempt < 5) {
        continue;
      }
      throw error;
    }
  }
}
