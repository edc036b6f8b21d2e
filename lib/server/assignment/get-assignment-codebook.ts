import "server-only";

import { getDb } from "@/lib/db/client";
import {
  readerCodebookSelect,
  type CodebookView,
} from "@/lib/server/codebook/get-default-codebook";

// The codebook an assignment asks for, with the same shape as the reader's default codebook
// (one shared select). Null when it is gone or not published, and
// the reader falls back to the workspace default. The caller has checked membership.
export async function getAssignmentCodebook(
  codebookId: string,
  workspaceId: string,
): Promise<CodebookView | null> {
  return getDb().codebook.findFirst({
    where: { id: codebookId, workspaceId, status: "PUBLISHED" },
    select: readerCodebookSelect,
  });
}
