import "server-only";

import { toAppError } from "@/lib/errors/app-error";
import type { CreateDocumentData } from "@/lib/validations/document";

import { createDocument } from "../document/create-document";
import { requireMembership } from "../workspace/require-membership";

export type BatchRowResult =
  { index: number; ok: true; id: string } | { index: number; ok: false; message: string };

// Bulk import in row-level mode: each document is saved in its own transaction, so a
// bad row is reported and the good ones are kept.
export async function createDocumentsBatch({
  userId,
  workspaceId,
  documents,
}: {
  userId: string;
  workspaceId: string;
  documents: CreateDocumentData[];
}): Promise<BatchRowResult[]> {
  await requireMembership({ userId, workspaceId, permission: "addDocument" });

  const results: BatchRowResult[] = [];
  for (const [index, input] of documents.entries()) {
    try {
      const document = await createDocument({ userId, workspaceId, input });
      results.push({ index, ok: true, id: document.id });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
        throw error;
      }
      results.push({ index, ok: false, message: appError.message });
    }
  }
  return results;
}
