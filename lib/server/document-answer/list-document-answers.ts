import "server-only";

import { canSeeAuthor, decideViewerPolicy, describeAuthor } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

import { documentAnswerViewSelect, toDocumentAnswerView } from "./document-answer-view";

type ListDocumentAnswersOptions = { userId: string; documentId: string };

// Everyone's answers to the document's whole-document dimensions, as this person may see
// them: the same class rules as highlights (a blind assignment shows a student only their
// own answers until it is revealed; classmates may appear as "Student N").
export async function listDocumentAnswers({ userId, documentId }: ListDocumentAnswersOptions) {
  const db = getDb();

  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: { id: true },
  });
  if (!document) {
    throw notFound("This document");
  }

  const [rows, context] = await Promise.all([
    db.documentAnswer.findMany({
      where: { documentId },
      orderBy: [{ dimensionKey: "asc" }, { createdAt: "asc" }],
      select: documentAnswerViewSelect,
    }),
    loadClassContext({ documentId }),
  ]);
  if (!context) {
    return [];
  }
  const policy = decideViewerPolicy(context, userId, new Date());

  return rows
    .filter((row) => canSeeAuthor(policy, row.author.id))
    .map((row) => ({ ...toDocumentAnswerView(row), author: describeAuthor(policy, row.author) }));
}
