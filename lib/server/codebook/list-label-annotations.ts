import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

type ListLabelAnnotationsOptions = { userId: string; codebookId: string; labelId: string };

export type LabelAnnotation = {
  id: string;
  exact: string;
  documentTitle: string;
  authorName: string;
  isDeleted: boolean;
};

// The highlights that carry a label (deleted ones too), for assigning each to one of the
// labels it is split into.
export async function listLabelAnnotations({
  userId,
  codebookId,
  labelId,
}: ListLabelAnnotationsOptions): Promise<LabelAnnotation[]> {
  const db = getDb();
  const label = await db.label.findFirst({
    where: {
      id: labelId,
      dimension: { codebookId, codebook: { workspace: { members: { some: { userId } } } } },
    },
    select: { id: true },
  });

  if (!label) {
    throw notFound("This label");
  }

  const rows = await db.annotationLabel.findMany({
    where: { labelId },
    orderBy: [{ annotation: { document: { title: "asc" } } }, { annotation: { start: "asc" } }],
    select: {
      annotation: {
        select: {
          id: true,
          exact: true,
          deletedAt: true,
          document: { select: { title: true } },
          author: { select: { name: true } },
        },
      },
    },
  });

  return rows.map(({ annotation }) => ({
    id: annotation.id,
    exact: annotation.exact,
    documentTitle: annotation.document.title,
    authorName: annotation.author.name,
    isDeleted: annotation.deletedAt !== null,
  }));
}
