import "server-only";

import { can, hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewQueueFilter } from "@/lib/validations/submission";

import { requireMembership } from "../workspace/require-membership";

type ListReviewQueueOptions = {
  userId: string;
  workspaceId: string;
  filter: ReviewQueueFilter;
  now?: Date;
};

const queueLimit = 500;
const dayMs = 24 * 60 * 60 * 1000;

// The review queue: editors see every submission past draft; contributors and
// reviewers see their own submissions (drafts included) and those assigned to them.
// Filtered by status, assignee and age (days waiting in the current status), oldest first.
export async function listReviewQueue({
  userId,
  workspaceId,
  filter,
  now = new Date(),
}: ListReviewQueueOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "annotate" });
  const isEditor = can(membership.role, "manageReview");

  const visibility: Prisma.DocumentWhereInput = isEditor
    ? { OR: [{ submissionStatus: { not: "DRAFT" } }, { createdById: userId }] }
    : { OR: [{ createdById: userId }, { reviewerId: userId }] };
  const assignee: Prisma.DocumentWhereInput =
    filter.assignee === "me"
      ? { reviewerId: userId }
      : filter.assignee === "none"
        ? { reviewerId: null }
        : filter.assignee
          ? { reviewerId: filter.assignee }
          : {};

  const rows = await getDb().document.findMany({
    where: {
      workspaceId,
      submissionStatus: filter.status ?? { not: null },
      AND: [visibility, assignee],
    },
    take: queueLimit,
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      kind: true,
      submissionStatus: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
      reviewer: { select: { id: true, name: true } },
      analysedDocument: { select: { id: true, title: true } },
      submissionEvents: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });

  const items = rows
    .map(({ submissionEvents, createdAt, submissionStatus, ...row }) => {
      const since = submissionEvents[0]?.createdAt ?? createdAt;
      return {
        ...row,
        status: submissionStatus ?? "DRAFT",
        waitingSince: since.toISOString(),
        waitingDays: Math.floor((now.getTime() - since.getTime()) / dayMs),
      };
    })
    .filter((item) => filter.age === undefined || item.waitingDays >= filter.age)
    .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));

  const members = await getDb().membership.findMany({
    where: { workspaceId },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });

  return {
    role: membership.role,
    workspaceName: membership.workspace.name,
    isEditor,
    items,
    isTruncated: rows.length === queueLimit,
    // Who can review: members who can annotate.
    reviewers: members
      .filter((member) => hasRole(member.role, "ANNOTATOR"))
      .map((member) => member.user),
  };
}
