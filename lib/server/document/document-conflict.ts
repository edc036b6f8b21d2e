import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

type DocumentConflictOptions = {
  tx: Prisma.TransactionClient;
  documentId: string;
  yours: { version: number; title: string; text: string };
};

// What a client gets when a document save lost the race: the version saved meanwhile
// (theirs), what was sent (yours) and the text both started from (base, when its
// revision is kept), so it can offer keep mine / take theirs / merge.
export type DocumentConflictDetails = {
  conflict: {
    kind: "document";
    theirs: { version: number; title: string; text: string };
    yours: { version: number; title: string; text: string };
    base: string | null;
  };
};

export async function documentConflict({
  tx,
  documentId,
  yours,
}: DocumentConflictOptions): Promise<AppError> {
  const [current, base] = await Promise.all([
    tx.document.findUniqueOrThrow({
      where: { id: documentId },
      select: { version: true, title: true, text: true },
    }),
    tx.documentRevision.findUnique({
      where: { documentId_version: { documentId, version: yours.version } },
      select: { text: true },
    }),
  ]);
  const details: DocumentConflictDetails = {
    conflict: {
      kind: "document",
      theirs: current,
      yours: { version: yours.version, title: yours.title, text: yours.text },
      base: base?.text ?? null,
    },
  };

  return new AppError(
    "CONFLICT",
    `Someone else saved this document while you were editing it (you started from version ${yours.version}; it is now version ${current.version}). Nothing was saved: keep your version, take theirs, or merge the two.`,
    undefined,
    details,
  );
}
