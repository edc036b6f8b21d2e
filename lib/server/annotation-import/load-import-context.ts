import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { PlanCodebook, PlanContext } from "@/lib/import/annotations/plan-annotation-import";
import type { ParsedAnnotationFile } from "@/lib/import/annotations/types";
import { hashText } from "@/lib/text/hash-text";

import { pseudonymizeAnnotator } from "../export/pseudonymize-annotator";

type LoadImportContextOptions = {
  db: Prisma.TransactionClient;
  workspaceId: string;
  userId: string;
  file: ParsedAnnotationFile;
  codebookId?: string | undefined;
};

// Reads what planning needs, only for the documents the file could mean: those whose id,
// text hash or title the file names (all inside this workspace, so another workspace's
// document id matches nothing), their live highlights, and the workspace's codebooks.
export async function loadImportContext({
  db,
  workspaceId,
  userId,
  file,
  codebookId,
}: LoadImportContextOptions): Promise<PlanContext> {
  const ids = new Set<string>();
  const hashes = new Set<string>();
  const titles = new Set<string>();
  const hashed = new Map<string, string>();
  for (const { document } of file.annotations) {
    if (document.id !== null) {
      ids.add(document.id);
    }
    if (document.text !== null) {
      let hash = hashed.get(document.text);
      if (hash === undefined) {
        hash = hashText(document.text);
        hashed.set(document.text, hash);
      }
      hashes.add(hash);
    } else if (document.textHash !== null) {
      hashes.add(document.textHash);
    }
    if (document.title !== null) {
      titles.add(document.title);
    }
  }

  const [workspace, documents, codebooks] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { pseudonymSalt: true } }),
    db.document.findMany({
      where: {
        workspaceId,
        OR: [
          { id: { in: [...ids] } },
          { textHash: { in: [...hashes] } },
          { title: { in: [...titles] } },
        ],
      },
      select: { id: true, title: true, text: true, textHash: true, version: true },
    }),
    db.codebook.findMany({
      where: { workspaceId, status: { not: "DRAFT" } },
      orderBy: [{ key: "asc" }, { version: "desc" }],
      select: {
        id: true,
        key: true,
        name: true,
        version: true,
        status: true,
        isDefault: true,
        dimensions: {
          where: { scope: "SPAN" },
          orderBy: { position: "asc" },
          select: {
            key: true,
            name: true,
            multiple: true,
            labels: { select: { id: true, key: true } },
          },
        },
      },
    }),
  ]);

  let targetCodebookId: string | null;
  if (codebookId !== undefined) {
    const chosen = codebooks.find((codebook) => codebook.id === codebookId);
    if (!chosen || chosen.status !== "PUBLISHED") {
      throw new AppError(
        "INVALID_INPUT",
        "Choose a published codebook of this workspace to resolve the labels in.",
        { codebookId: ["This codebook is not a published codebook of this workspace."] },
      );
    }
    targetCodebookId = chosen.id;
  } else {
    targetCodebookId =
      codebooks.find((codebook) => codebook.isDefault && codebook.status === "PUBLISHED")?.id ??
      null;
  }

  const existing = await db.annotation.findMany({
    where: { documentId: { in: documents.map((document) => document.id) }, deletedAt: null },
    select: {
      id: true,
      documentId: true,
      externalId: true,
      externalAnnotator: true,
      authorId: true,
      start: true,
      end: true,
      labels: { select: { labelId: true } },
    },
  });
  const pseudonyms = new Map<string, string>();
  const nameOf = (authorId: string) => {
    let name = pseudonyms.get(authorId);
    if (name === undefined) {
      name = pseudonymizeAnnotator(workspace.pseudonymSalt, authorId);
      pseudonyms.set(authorId, name);
    }
    return name;
  };

  return {
    documents,
    codebooks: codebooks.map((codebook): PlanCodebook => ({
      id: codebook.id,
      key: codebook.key,
      name: codebook.name,
      version: codebook.version,
      isPublished: codebook.status === "PUBLISHED",
      dimensions: codebook.dimensions,
    })),
    targetCodebookId,
    existing: existing.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      externalId: row.externalId,
      annotator: row.externalAnnotator ?? nameOf(row.authorId),
      start: row.start,
      end: row.end,
      labelIds: row.labels.map((label) => label.labelId),
    })),
    importerAnnotator: nameOf(userId),
  };
}
