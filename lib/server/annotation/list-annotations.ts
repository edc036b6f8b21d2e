import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { applyClassVisibility } from "../assignment/apply-class-visibility";

import { annotationViewSelect, toAnnotationView } from "./annotation-view";

type ListAnnotationsOptions = { userId: string; documentId: string };

export async function listAnnotations({ userId, documentId }: ListAnnotationsOptions) {
  const db = getDb();

  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: { id: true },
  });

  if (!document) {
    throw notFound("This document");
  }

  const rows = await db.annotation.findMany({
    where: { documentId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
    select: annotationViewSelect,
  });

  // Classes (issue 5): blind assignments, unreleased answer keys and anonymised reveals
  // decide what this person sees (rules in lib/classes/visibility.ts, docs/classes.md).
  return applyClassVisibility({ userId, documentId, annotations: rows.map(toAnnotationView) });
}
