import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

type NotifyMembersOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  userIds: readonly (string | null | undefined)[];
  // The person who did it hears nothing about their own step.
  actorId: string;
  kind: string;
  message: string;
  link: string;
};

// In-app notifications (there is no email), written in the transaction of the change
// they announce, so an inbox never mentions a step that was rolled back.
export async function notifyMembers({
  tx,
  workspaceId,
  userIds,
  actorId,
  kind,
  message,
  link,
}: NotifyMembersOptions) {
  const recipients = [
    ...new Set(userIds.filter((id): id is string => Boolean(id) && id !== actorId)),
  ];
  if (recipients.length === 0) {
    return;
  }

  await tx.notification.createMany({
    data: recipients.map((userId) => ({ userId, workspaceId, kind, message, link })),
  });
}
