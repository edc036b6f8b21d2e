import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

type ListLabelAnnotationsOptions = { userId: string; codebookId: string; labelId: string };

export type LabelAnnotation = {
  id: string;
  exact: string;
  documentTitle: string;
  authorName: string;
  isDeleted: boolean;
};

// The highlights that carry a label (deleted ones too), for assigning each to one of the
// labels it is split into. Editors only: it shows every member's quotes and names, which
// students in a blind assignment must not see.
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
    select: {
      id: true,
      dimension: {
        select: {
          codebook: {
            select: {
              workspace: { select: { members: { where: { userId }, select: { role: true } } } },
            },
          },
        },
      },
    },
  });

  const role = label?.dimension.codebook.workspace.members[0]?.role;
  if (!label || !role) {
    throw notFound("This label");
  }
  if (!can(role, "editCodebook")) {
    throw forbidden("Only editors can list the highlights that carry a label.");
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
