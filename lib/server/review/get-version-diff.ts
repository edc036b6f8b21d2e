import "server-only";

import { createReanchorer } from "@/lib/anchoring/reanchor";
import { createOffsetIndex } from "@/lib/anchoring/text-position";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { diffTexts } from "@/lib/review/text-diff";

type GetVersionDiffOptions = { userId: string; documentId: string; from?: number; to?: number };

type HighlightRow = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: "ANCHORED" | "ORPHANED";
  documentVersion: number;
  createdAt: Date;
  author: { name: string };
  labels: { labelId: string }[];
};

// A highlight placed on one side of the diff, in UTF-16 offsets of that side's text.
export type SideHighlight = {
  id: string;
  start16: number;
  end16: number;
  exact: string;
  authorName: string;
  labelIds: string[];
};

// Two versions of a document, the changes between them (bounded: see text-diff.ts) and
// the highlights on each side. The current version shows highlights where they are; an
// older version shows those that existed then, carried back onto its text by the same
// re-anchoring that carried them forward (orphans on the version they were last on).
export async function getVersionDiff({ userId, documentId, from, to }: GetVersionDiffOptions) {
  const db = getDb();
  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      text: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      workspace: { select: { name: true, members: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = document?.workspace.members[0]?.role;
  if (!document || !role) {
    throw notFound("This document");
  }

  const revisions = await db.documentRevision.findMany({
    where: { documentId },
    orderBy: { version: "asc" },
    select: { version: true, title: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const versions = revisions.map((revision) => ({
    version: revision.version,
    title: revision.title,
    createdAt: revision.createdAt.toISOString(),
    authorName: revision.createdBy?.name ?? "Someone",
  }));
  // Documents made before revisions were kept have no row for their current text.
  if (!versions.some((entry) => entry.version === document.version)) {
    versions.push({
      version: document.version,
      title: document.title,
      createdAt: (document.version === 1 ? document.createdAt : document.updatedAt).toISOString(),
      authorName: document.version === 1 ? document.createdBy.name : "Someone",
    });
  }

  const toVersion = to ?? document.version;
  const fromVersion = from ?? Math.max(1, toVersion - 1);
  const known = new Set(versions.map((entry) => entry.version));
  if (!known.has(fromVersion) || !known.has(toVersion)) {
    throw notFound("That version");
  }

  const texts = new Map<number, string>([[document.version, document.text]]);
  const wanted = [fromVersion, toVersion].filter((version) => !texts.has(version));
  if (wanted.length > 0) {
    for (const revision of await db.documentRevision.findMany({
      where: { documentId, version: { in: wanted } },
      select: { version: true, text: true },
    })) {
      texts.set(revision.version, revision.text);
    }
  }

  const highlights: HighlightRow[] = await db.annotation.findMany({
    where: { documentId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      anchorStatus: true,
      documentVersion: true,
      createdAt: true,
      author: { select: { name: true } },
      labels: { select: { labelId: true } },
    },
  });
  // When each version stopped being current: highlights made later did not exist on it.
  const replacedAt = new Map<number, Date>();
  for (const revision of revisions) {
    replacedAt.set(revision.version - 1, revision.createdAt);
  }

  const side = (version: number) => {
    const text = texts.get(version) ?? "";
    return {
      version,
      title: versions.find((entry) => entry.version === version)?.title ?? document.title,
      text,
      highlights: placeHighlights({
        highlights,
        version,
        text,
        currentVersion: document.version,
        currentText: document.text,
        replacedAt: replacedAt.get(version) ?? null,
      }),
    };
  };

  return {
    document: {
      id: document.id,
      workspaceId: document.workspaceId,
      title: document.title,
      version: document.version,
      workspaceName: document.workspace.name,
    },
    role,
    versions,
    from: side(fromVersion),
    to: side(toVersion),
    diff: diffTexts(texts.get(fromVersion) ?? "", texts.get(toVersion) ?? ""),
  };
}

type PlaceHighlightsOptions = {
  highlights: HighlightRow[];
  version: number;
  text: string;
  currentVersion: number;
  currentText: string;
  replacedAt: Date | null;
};

function placeHighlights({
  highlights,
  version,
  text,
  currentVersion,
  currentText,
  replacedAt,
}: PlaceHighlightsOptions): SideHighlight[] {
  const index = createOffsetIndex(text);
  const placed: SideHighlight[] = [];
  const toSide = (row: HighlightRow, start: number, end: number, exact: string) => {
    if (start < 0 || end > index.codePointLength || end <= start) {
      return;
    }
    placed.push({
      id: row.id,
      start16: index.toUtf16(start),
      end16: index.toUtf16(end),
      exact,
      authorName: row.author.name,
      labelIds: row.labels.map((label) => label.labelId),
    });
  };

  let reanchor: ReturnType<typeof createReanchorer> | null = null;
  for (const row of highlights) {
    if (row.anchorStatus === "ORPHANED") {
      // Kept where they were last placed.
      if (row.documentVersion === version) {
        toSide(row, row.start, row.end, row.exact);
      }
      continue;
    }
    if (version === currentVersion) {
      toSide(row, row.start, row.end, row.exact);
      continue;
    }
    if (row.documentVersion < version || (replacedAt && row.createdAt >= replacedAt)) {
      continue;
    }
    reanchor ??= createReanchorer({ oldText: currentText, newText: text });
    const result = reanchor(row);
    if (result.status !== "orphaned") {
      toSide(row, result.start, result.end, result.exact);
    }
  }

  return placed;
}
