import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { labelPath } from "./codebook-content";

type GetCodebookPublishPlanOptions = { userId: string; codebookId: string };

export type PublishPlan = {
  publishedVersion: number | null;
  // Labels of the published version that carry highlights but have no label with the
  // same keys in the draft: publishing needs a destination for each.
  unplaced: {
    labelId: string;
    name: string;
    key: string;
    dimensionKey: string;
    dimensionName: string;
    count: number;
  }[];
};

// What publishing a draft will do to highlights.
export async function getCodebookPublishPlan({
  userId,
  codebookId,
}: GetCodebookPublishPlanOptions): Promise<PublishPlan> {
  const db = getDb();
  const draft = await db.codebook.findFirst({
    where: { id: codebookId, workspace: { members: { some: { userId } } } },
    select: { id: true, workspaceId: true, key: true },
  });
  if (!draft) {
    throw notFound("This codebook");
  }

  const { workspaceId, key } = draft;
  const draftId = draft.id;
  const published = await db.codebook.findFirst({
    where: { workspaceId, key, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });

  if (!published) {
    return { publishedVersion: null, unplaced: [] };
  }

  const [draftLabels, publishedLabels] = await Promise.all([
    db.label.findMany({
      where: { dimension: { codebookId: draftId } },
      select: { key: true, dimension: { select: { key: true } } },
    }),
    db.label.findMany({
      where: { dimension: { codebookId: published.id } },
      orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }],
      select: {
        id: true,
        key: true,
        name: true,
        dimension: { select: { key: true, name: true } },
        _count: { select: { annotations: true, documentAnswers: true } },
      },
    }),
  ]);
  const inDraft = new Set(draftLabels.map((label) => labelPath(label.dimension.key, label.key)));

  return {
    publishedVersion: published.version,
    unplaced: publishedLabels
      .filter(
        (label) =>
          label._count.annotations + label._count.documentAnswers > 0 &&
          !inDraft.has(labelPath(label.dimension.key, label.key)),
      )
      .map((label) => ({
        labelId: label.id,
        name: label.name,
        key: label.key,
        dimensionKey: label.dimension.key,
        dimensionName: label.dimension.name,
        count: label._count.annotations + label._count.documentAnswers,
      })),
  };
}
