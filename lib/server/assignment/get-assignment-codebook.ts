import "server-only";

import { getDb } from "@/lib/db/client";
import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";

// The codebook an assignment asks for, shaped like the reader's default codebook (the
// CodebookView type keeps the two in step). Null when it is gone or not published, and
// the reader falls back to the workspace default. The caller has checked membership.
export async function getAssignmentCodebook(
  codebookId: string,
  workspaceId: string,
): Promise<CodebookView | null> {
  return getDb().codebook.findFirst({
    where: { id: codebookId, workspaceId, status: "PUBLISHED" },
    select: {
      id: true,
      workspaceId: true,
      name: true,
      version: true,
      dimensions: {
        where: { scope: "SPAN" },
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          name: true,
          description: true,
          multiple: true,
          required: true,
          labels: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              name: true,
              description: true,
              color: true,
              examples: true,
            },
          },
        },
      },
    },
  });
}
