import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { CodebookFile } from "@/lib/validations/codebook";

import { codebookContentSelect, toCodebookFile } from "./codebook-content";

type ExportCodebookOptions = { userId: string; codebookId: string };

// Any member may export: the file holds nothing the codebook pages do not show.
export async function exportCodebook({
  userId,
  codebookId,
}: ExportCodebookOptions): Promise<{ fileName: string; workspaceId: string; file: CodebookFile }> {
  const codebook = await getDb().codebook.findFirst({
    where: { id: codebookId, workspace: { members: { some: { userId } } } },
    select: codebookContentSelect,
  });

  if (!codebook) {
    throw notFound("This codebook");
  }

  const slug = codebook.key
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return {
    fileName: `${slug || "codebook"}-v${codebook.version}.json`,
    workspaceId: codebook.workspaceId,
    file: toCodebookFile(codebook),
  };
}
