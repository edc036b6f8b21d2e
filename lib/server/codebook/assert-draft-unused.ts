import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

// The app only offers published labels for tagging, but the annotation API checks labels
// by workspace; a draft whose labels somehow carry highlights is not rewritten or thrown
// away (that would drop their labels).
export async function assertDraftUnused(tx: Prisma.TransactionClient, codebookId: string) {
  const used = await tx.annotationLabel.count({
    where: { label: { dimension: { codebookId } } },
  });

  if (used > 0) {
    throw new AppError(
      "CONFLICT",
      `${used} highlight label${used === 1 ? " is" : "s are"} already on labels of this draft. Publish it instead, so they stay in place.`,
    );
  }
}
