import "server-only";

import { canSeeAuthor, decideViewerPolicy, isInstructorRole } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { loadClassContext } from "./load-class-context";

type CountVisibleHighlightsOptions = {
  userId: string;
  documentIds: readonly string[];
};

// Live highlights per document, counting only those this person may see: a student in a
// blind assignment must not learn from a count how many highlights classmates made (nor
// see the answer key's size before it is released). Instructors and documents outside
// assignments get the plain count. The caller has checked the person may read these.
export async function countVisibleHighlights({
  userId,
  documentIds,
}: CountVisibleHighlightsOptions): Promise<Map<string, number>> {
  const db = getDb();
  const ids = [...documentIds];
  const counts = new Map(ids.map((id) => [id, 0]));
  if (ids.length === 0) {
    return counts;
  }

  const [groups, inAssignments] = await Promise.all([
    db.annotation.groupBy({
      by: ["documentId", "authorId"],
      where: { documentId: { in: ids }, deletedAt: null },
      _count: { _all: true },
    }),
    db.assignmentDocument.findMany({
      where: { documentId: { in: ids } },
      distinct: ["documentId"],
      select: { documentId: true, document: { select: { workspaceId: true } } },
    }),
  ]);

  const restricted = new Set<string>();
  if (inAssignments.length > 0) {
    const workspaceIds = [...new Set(inAssignments.map((row) => row.document.workspaceId))];
    const memberships = await db.membership.findMany({
      where: { userId, workspaceId: { in: workspaceIds } },
      select: { workspaceId: true, role: true },
    });
    const instructorIn = new Set(
      memberships.filter((row) => isInstructorRole(row.role)).map((row) => row.workspaceId),
    );
    for (const row of inAssignments) {
      if (!instructorIn.has(row.document.workspaceId)) {
        restricted.add(row.documentId);
      }
    }
  }

  const policies = new Map(
    await Promise.all(
      [...restricted].map(async (documentId) => {
        const context = await loadClassContext({ documentId });
        return [documentId, context && decideViewerPolicy(context, userId, new Date())] as const;
      }),
    ),
  );

  for (const group of groups) {
    const policy = policies.get(group.documentId);
    if (restricted.has(group.documentId) && !(policy && canSeeAuthor(policy, group.authorId))) {
      continue;
    }
    counts.set(group.documentId, (counts.get(group.documentId) ?? 0) + group._count._all);
  }
  return counts;
}
