import "server-only";

import { can } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";

import { codebookContentSelect } from "./codebook-content";

type FindCodebookForChangeOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  codebookId: string;
  // The copy the person started from (its updatedAt, ISO); omitted for changes that do
  // not depend on the content, like choosing the default.
  expectedUpdatedAt?: string;
};

function describeStatus(status: string) {
  return status.toLowerCase();
}

function timeOf(date: Date) {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

// Loads a codebook version for a change by an editor, inside the change's transaction.
// Outsiders get NOT_FOUND, members below editor FORBIDDEN. With expectedUpdatedAt it also
// claims the row (bumping updatedAt in the same statement that checks it), so of two
// editors saving from the same copy exactly one wins; the other gets a CONFLICT that
// names the versions involved.
export async function findCodebookForChange({
  tx,
  userId,
  codebookId,
  expectedUpdatedAt,
}: FindCodebookForChangeOptions) {
  const codebook = await tx.codebook.findFirst({
    where: { id: codebookId, workspace: { members: { some: { userId } } } },
    select: {
      ...codebookContentSelect,
      workspace: { select: { members: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = codebook?.workspace.members[0]?.role;

  if (!codebook || !role) {
    throw notFound("This codebook");
  }
  if (!can(role, "editCodebook")) {
    throw forbidden("Only editors and owners can change codebooks.");
  }

  const latest = await tx.codebook.findFirstOrThrow({
    where: { workspaceId: codebook.workspaceId, key: codebook.key },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, updatedAt: true },
  });

  if (expectedUpdatedAt === undefined) {
    return { codebook, latest };
  }

  const name = `“${codebook.name}”`;
  const newerVersionConflict = (newer: typeof latest) =>
    new AppError(
      "CONFLICT",
      `Version ${newer.version} (${describeStatus(newer.status)}) of ${name} was created at ${timeOf(newer.updatedAt)}, after you opened version ${codebook.version}. Nothing was changed; reload to work on version ${newer.version}.`,
    );

  if (latest.id !== codebook.id) {
    throw newerVersionConflict(latest);
  }

  const { count } = await tx.codebook.updateMany({
    where: { id: codebook.id, updatedAt: new Date(expectedUpdatedAt) },
    data: { updatedAt: new Date() },
  });
  if (count === 0) {
    // Someone else's change committed between our read and our claim: say which.
    const newest = await tx.codebook.findFirstOrThrow({
      where: { workspaceId: codebook.workspaceId, key: codebook.key },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, updatedAt: true },
    });
    const now = await tx.codebook.findUnique({
      where: { id: codebook.id },
      select: { status: true, updatedAt: true },
    });
    if (newest.id !== codebook.id) {
      throw newerVersionConflict(newest);
    }
    const savedAt = now?.updatedAt ?? codebook.updatedAt;
    throw new AppError(
      "CONFLICT",
      `Someone else saved version ${codebook.version} (${describeStatus(now?.status ?? codebook.status)}) of ${name} at ${timeOf(savedAt)}; you started from the copy saved at ${timeOf(new Date(expectedUpdatedAt))}. Nothing was changed; reload to see their version, then make your change again.`,
    );
  }

  return { codebook, latest };
}

export type CodebookForChange = Awaited<ReturnType<typeof findCodebookForChange>>["codebook"];
