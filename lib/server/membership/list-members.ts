import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

import { requireMembership } from "../workspace/require-membership";

type ListMembersOptions = { userId: string; workspaceId: string };

export type MemberRow = {
  userId: string;
  // What classmates see: the display name, else the account name.
  name: string;
  accountName: string | null;
  displayName: string | null;
  // Only for instructors: classmates never see each other's email addresses.
  email: string | null;
  role: Role;
  joinedAt: Date;
  isYou: boolean;
};

// The member list as the viewer may see it, and the join code for instructors.
export async function listMembers({ userId, workspaceId }: ListMembersOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "readWorkspace" });
  const isInstructor = can(membership.role, "teachClass");

  const [rows, workspace] = await Promise.all([
    getDb().membership.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "asc" }],
      select: {
        userId: true,
        role: true,
        displayName: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
      },
    }),
    getDb().workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { joinCode: true, joinCodeEnabled: true, joinCodeExpiresAt: true },
    }),
  ]);

  const members: MemberRow[] = rows.map((row) => ({
    userId: row.userId,
    name: row.displayName?.trim() || row.user.name,
    accountName: isInstructor || row.userId === userId ? row.user.name : null,
    displayName: row.displayName,
    email: isInstructor || row.userId === userId ? row.user.email : null,
    role: row.role,
    joinedAt: row.createdAt,
    isYou: row.userId === userId,
  }));

  return {
    workspace: membership.workspace,
    role: membership.role,
    isInstructor,
    members,
    joinCode: isInstructor
      ? {
          code: workspace.joinCode,
          enabled: workspace.joinCodeEnabled,
          expiresAt: workspace.joinCodeExpiresAt,
        }
      : null,
  };
}
