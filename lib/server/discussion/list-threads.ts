import "server-only";

import {
  canSeeAuthor,
  decideViewerPolicy,
  describeAuthor,
  isInstructorRole,
  memberName,
} from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

type ListThreadsOptions = { userId: string; documentId: string };

export type ThreadSummary = {
  annotationId: string;
  start: number;
  exact: string;
  author: { id: string; name: string };
  labelIds: string[];
  comments: number;
  unread: number;
  agree: number;
  disagree: number;
  mine: "AGREE" | "DISAGREE" | null;
  lastActivityAt: string | null;
};

export type Mentionable = { id: string; name: string; isInstructor: boolean };

// The discussion of one document: a thread per highlight this person may see, with reply
// counts, unread replies (others' replies after they last opened the thread), reactions,
// and the people who can be mentioned.
export async function listThreads({ userId, documentId }: ListThreadsOptions) {
  const db = getDb();
  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: { id: true },
  });
  const context = document ? await loadClassContext({ documentId }) : null;
  if (!document || !context) {
    throw notFound("This document");
  }
  const policy = decideViewerPolicy(context, userId, new Date());

  const annotations = (
    await db.annotation.findMany({
      where: { documentId, deletedAt: null },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: {
        id: true,
        start: true,
        exact: true,
        authorId: true,
        author: { select: { id: true, name: true } },
        labels: { select: { labelId: true } },
      },
    })
  ).filter((annotation) => canSeeAuthor(policy, annotation.authorId));
  const ids = annotations.map((annotation) => annotation.id);

  const [comments, reads, reactions] = await Promise.all([
    db.comment.findMany({
      where: { annotationId: { in: ids } },
      select: { annotationId: true, authorId: true, createdAt: true },
    }),
    db.threadRead.findMany({
      where: { annotationId: { in: ids }, userId },
      select: { annotationId: true, lastReadAt: true },
    }),
    db.annotationReaction.findMany({
      where: { annotationId: { in: ids } },
      select: { annotationId: true, userId: true, kind: true },
    }),
  ]);
  const readAt = new Map(reads.map((read) => [read.annotationId, read.lastReadAt]));

  const threads: ThreadSummary[] = annotations.map((annotation) => {
    const own = comments.filter((comment) => comment.annotationId === annotation.id);
    const lastRead = readAt.get(annotation.id);
    const mine = reactions.find((r) => r.annotationId === annotation.id && r.userId === userId);
    const last = own.reduce<Date | null>(
      (latest, c) => (!latest || c.createdAt > latest ? c.createdAt : latest),
      null,
    );
    return {
      annotationId: annotation.id,
      start: annotation.start,
      exact:
        annotation.exact.length > 200 ? `${annotation.exact.slice(0, 200)}…` : annotation.exact,
      author: describeAuthor(policy, annotation.author),
      labelIds: annotation.labels.map((label) => label.labelId),
      comments: own.length,
      unread: own.filter((c) => c.authorId !== userId && (!lastRead || c.createdAt > lastRead))
        .length,
      agree: reactions.filter((r) => r.annotationId === annotation.id && r.kind === "AGREE").length,
      disagree: reactions.filter((r) => r.annotationId === annotation.id && r.kind === "DISAGREE")
        .length,
      mine: mine?.kind ?? null,
      lastActivityAt: last?.toISOString() ?? null,
    };
  });

  const mentionable: Mentionable[] = [...context.members.values()]
    .filter((member) => member.userId !== userId)
    .map((member) => ({
      id: member.userId,
      name: memberName(member, "Member"),
      isInstructor: isInstructorRole(member.role),
    }))
    .sort(
      (a, b) => Number(b.isInstructor) - Number(a.isInstructor) || a.name.localeCompare(b.name),
    );

  return {
    threads,
    mentionable,
    isInstructor: policy.isInstructor,
    canReply: context.members.get(userId)?.role !== "VIEWER",
  };
}
