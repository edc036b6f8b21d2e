import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

// The members who run the review queue (editors and owners), to notify of new work.
export async function listEditorIds(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { workspaceId, role: { in: ["EDITOR", "OWNER"] } },
    select: { userId: true },
  });
  return members.map((member) => member.userId);
}
