import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatJoinCode, joinCodeSchema } from "@/lib/validations/membership";

import { formatUtc } from "../assignment/assert-highlights-editable";

export type JoinCodeTarget = { workspaceId: string; workspaceName: string; code: string };

// What a join link points at, checked before anyone signs in, so a dead link says so at
// once. Unknown, switched-off and expired codes are refused with a message saying which.
export async function findJoinCode(rawCode: string, now = new Date()): Promise<JoinCodeTarget> {
  const parsed = joinCodeSchema.safeParse(rawCode);
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      parsed.error.issues[0]?.message ?? "That is not a join code.",
      {
        code: [parsed.error.issues[0]?.message ?? "That is not a join code."],
      },
    );
  }
  const code = parsed.data;

  const workspace = await getDb().workspace.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, joinCodeEnabled: true, joinCodeExpiresAt: true },
  });

  if (!workspace) {
    const message = `No class uses the join code ${formatJoinCode(code)}. Check it with your instructor: a code stops working when they replace it.`;
    throw new AppError("NOT_FOUND", message, { code: [message] });
  }
  if (!workspace.joinCodeEnabled) {
    const message = `The join code ${formatJoinCode(code)} has been switched off. Ask your instructor to switch it on or give you a new one.`;
    throw new AppError("FORBIDDEN", message, { code: [message] });
  }
  if (workspace.joinCodeExpiresAt && workspace.joinCodeExpiresAt <= now) {
    const message = `The join code ${formatJoinCode(code)} expired on ${formatUtc(workspace.joinCodeExpiresAt)}. Ask your instructor for a new one.`;
    throw new AppError("FORBIDDEN", message, { code: [message] });
  }

  return { workspaceId: workspace.id, workspaceName: workspace.name, code };
}
