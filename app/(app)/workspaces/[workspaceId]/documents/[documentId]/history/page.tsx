import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AuditEventList } from "@/components/review/audit-event-list";
import { DocumentSections } from "@/components/review/document-sections";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getAnnotationHistory } from "@/lib/server/audit/get-annotation-history";
import { getDocumentHistory } from "@/lib/server/audit/get-document-history";

import { RestoreButton } from "./_components/restore-button";

export const metadata: Metadata = { title: "History" };

type HistoryPageProps = {
  params: Promise<{ workspaceId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const reviewNames = {
  PENDING: "not reviewed",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  EDITED: "edited",
} as const;

// A document's history: its edits and review steps, every highlight ever made on it
// (deleted ones can be restored by their author or a lead), and one highlight's story.
export default async function HistoryPage({ params, searchParams }: HistoryPageProps) {
  const user = await requireSessionUser();
  const raw = await params;
  const [workspaceId, documentId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(raw.workspaceId, "This workspace"),
          parseId(raw.documentId, "This document"),
        ] as const,
    ),
  );
  const history = await orNotFound(getDocumentHistory({ userId: user.id, documentId }));
  if (history.document.workspaceId !== workspaceId) {
    notFound();
  }

  const query = await searchParams;
  const selectedId = typeof query.annotation === "string" ? query.annotation : undefined;
  const selected =
    selectedId && history.annotations.some((annotation) => annotation.id === selectedId)
      ? await getAnnotationHistory({ userId: user.id, annotationId: selectedId })
      : null;
  const basePath = `/workspaces/${workspaceId}/documents/${documentId}/history`;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {history.document.workspaceName}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold">History of “{history.document.title}”</h1>
      </header>
      <DocumentSections
        workspaceId={workspaceId}
        documentId={documentId}
        userId={user.id}
        current="history"
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="highlights-history-heading" className="flex flex-col gap-2">
          <h2 id="highlights-history-heading" className="text-lg font-semibold">
            Highlights ({history.annotations.length})
          </h2>
          {history.annotations.length === 0 ? (
            <p className="text-sm text-stone-700">No highlights on this document yet.</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="history-highlights">
              {history.annotations.map((annotation) => (
                <li
                  key={annotation.id}
                  className={`flex flex-col gap-1 rounded-md border p-2 text-sm ${annotation.deletedAt ? "border-dashed border-stone-400 bg-stone-50" : "border-stone-300 bg-white"} ${annotation.id === selectedId ? "ring-2 ring-sky-800" : ""}`}
                  data-testid="history-highlight"
                >
                  <p className="font-serif">
                    “
                    {annotation.exact.length > 120
                      ? `${annotation.exact.slice(0, 119)}…`
                      : annotation.exact}
                    ”
                  </p>
                  <p className="text-xs text-stone-600">
                    {annotation.author.name} · {reviewNames[annotation.reviewState]}
                    {annotation.isGold ? " · in the gold set" : ""}
                    {annotation.deletedAt ? " · deleted" : ""}
                  </p>
                  <div className="flex flex-wrap items-start gap-2">
                    <Link
                      href={`${basePath}?annotation=${annotation.id}#story`}
                      className="text-sky-800 underline"
                      aria-label={`Show the history of “${annotation.exact.slice(0, 40)}”`}
                    >
                      Show history
                    </Link>
                    {annotation.canRestore ? (
                      <RestoreButton annotationId={annotation.id} quote={annotation.exact} />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className="flex flex-col gap-6">
          {selected ? (
            <section id="story" aria-labelledby="story-heading" className="flex flex-col gap-2">
              <h2 id="story-heading" className="text-lg font-semibold">
                The story of “{selected.annotation.exact.slice(0, 60)}”
              </h2>
              <p className="text-sm text-stone-700">
                By {selected.annotation.author.name}
                {selected.annotation.deletedAt ? "; currently deleted" : ""}.
              </p>
              <AuditEventList
                events={selected.events}
                label="Steps of this highlight"
                testId="annotation-story"
              />
            </section>
          ) : null}
          <section aria-labelledby="document-events-heading" className="flex flex-col gap-2">
            <h2 id="document-events-heading" className="text-lg font-semibold">
              The document
            </h2>
            <AuditEventList
              events={history.events}
              label="Steps of the document"
              testId="document-story"
            />
          </section>
        </div>
      </div>
    </div>
  );
}
