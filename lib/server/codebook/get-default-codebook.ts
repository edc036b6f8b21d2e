import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/app-error";

// What the reader needs of a codebook: its passage-level dimensions and their labels.
// Shared with an assignment's own codebook, so both look the same to the popover.
export const readerCodebookSelect = {
  id: true,
  // With the id, the popover links each label to its guideline page.
  workspaceId: true,
  name: true,
  version: true,
  dimensions: {
    // Document-level dimensions (genre, overall verdict) are not tagged on passages.
    where: { scope: "SPAN" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      multiple: true,
      required: true,
      // Typed fields (target, text, link, ordinal scale) and shortcuts, for the popover.
      fieldType: true,
      labels: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          name: true,
          description: true,
          color: true,
          examples: true,
          shortcut: true,
          rating: true,
        },
      },
    },
  },
} as const satisfies Prisma.CodebookSelect;

// What annotators tag with: the published version of the workspace's default codebook.
// Drafts stay out of the reader until published; the caller has checked membership.
export async function getDefaultCodebook(workspaceId: string) {
  const codebook = await getDb().codebook.findFirst({
    where: { workspaceId, isDefault: true, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: readerCodebookSelect,
  });

  if (!codebook) {
    throw notFound("This workspace's codebook");
  }

  return codebook;
}

export type CodebookView = Awaited<ReturnType<typeof getDefaultCodebook>>;
