import "server-only";

import { describeAuthor, type ViewerPolicy } from "@/lib/classes/visibility";
import type { Prisma } from "@/lib/db/generated/client";

export const commentRecordSelect = {
  id: true,
  annotationId: true,
  parentId: true,
  body: true,
  mentions: true,
  isPinned: true,
  isHidden: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentRecordSelect }>;

// A reply as stored in live events (real author); viewers get a CommentView.
export type CommentRecord = Omit<CommentRow, "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
};

export type CommentView = CommentRecord & {
  // Names of the people mentioned, as this viewer sees them, to highlight in the text.
  mentionNames: string[];
};

export function toCommentRecord({ createdAt, updatedAt, ...row }: CommentRow): CommentRecord {
  return { ...row, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

// Hidden replies keep their place in the thread but lose their text for everyone except
// instructors, who may show them again.
export function viewCommentFor(policy: ViewerPolicy, record: CommentRecord): CommentView {
  const mentionNames = record.mentions
    .map((userId) => policy.context.members.get(userId))
    .filter((member) => member !== undefined)
    .map((member) => member.displayName?.trim() || member.name);
  const author = describeAuthor(policy, record.author);
  const body = record.isHidden && !policy.isInstructor ? "" : record.body;

  return { ...record, author, body, mentionNames: body ? mentionNames : [] };
}
