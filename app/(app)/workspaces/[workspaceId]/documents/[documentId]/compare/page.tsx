import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Annotator } from "@/components/annotator/annotator";
import { DocumentSections } from "@/components/review/document-sections";
import { toReaderPayload } from "@/lib/annotator/reader-payload";
import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listReaderAnnotations } from "@/lib/server/annotation/list-reader-annotations";
import { getDefaultCodebook } from "@/lib/server/codebook/get-default-codebook";
import { getDocumentForMember } from "@/lib/server/document/get-document";
import { getSubmission } from "@/lib/server/submission/get-submission";

export const metadata: Metadata = { title: "Analysis and article side by side" };

type ComparePageProps = {
  params: Promise<{ workspaceId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// An AI-generated analysis and the article it analyses, each in its own reader with its
// own highlights, on one page.
export default async function ComparePage({ params, searchParams }: ComparePageProps) {
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
  const current = await orNotFound(getSubmission({ userId: user.id, documentId }));
  if (current.workspaceId !== workspaceId) {
    notFound();
  }

  const query = await searchParams;
  const wanted = typeof query.analysis === "string" ? query.analysis : undefined;
  const pair = current.analysedDocument
    ? { analysisId: documentId, articleId: current.analysedDocument.id }
    : current.analyses.length > 0
      ? {
          analysisId: (current.analyses.find((analysis) => analysis.id === wanted) ??
            current.analyses[0])!.id,
          articleId: documentId,
        }
      : null;
  if (!pair) {
    notFound();
  }

  const [analysis, article, codebook] = await Promise.all([
    orNotFound(getDocumentForMember({ userId: user.id, documentId: pair.analysisId })),
    orNotFound(getDocumentForMember({ userId: user.id, documentId: pair.articleId })),
    getDefaultCodebook(workspaceId),
  ]);
  const [analysisAnnotations, articleAnnotations] = await Promise.all([
    listReaderAnnotations({ userId: user.id, documentId: analysis.id }),
    listReaderAnnotations({ userId: user.id, documentId: article.id }),
  ]);
  const canAnnotate = can(current.role, "annotate");
  const currentUser = { id: user.id, name: user.name };

  const sides = [
    {
      key: "analysis",
      label: "AI-generated analysis",
      document: analysis,
      annotations: analysisAnnotations,
    },
    {
      key: "article",
      label: "Article it analyses",
      document: article,
      annotations: articleAnnotations,
    },
  ] as const;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {current.workspaceName}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold">{current.title}</h1>
        <p className="text-sm text-stone-700">
          The analysis and its article side by side. Highlight either text.
        </p>
        {current.analyses.length > 1 ? (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Analyses of this article">
            {current.analyses.map((entry) => (
              <li key={entry.id}>
                <Link
                  href={`?analysis=${entry.id}`}
                  aria-current={entry.id === pair.analysisId ? "page" : undefined}
                  className="text-sky-800 underline aria-[current=page]:font-semibold"
                >
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <DocumentSections
        workspaceId={workspaceId}
        documentId={documentId}
        userId={user.id}
        current="compare"
      />
      <div className="grid gap-6 xl:grid-cols-2">
        {sides.map((side) => (
          <section
            key={side.key}
            aria-labelledby={`${side.key}-heading`}
            className="flex min-w-0 flex-col gap-2"
            data-testid={`side-${side.key}`}
          >
            <div>
              <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">
                {side.label}
              </p>
              <h2 id={`${side.key}-heading`} className="font-serif text-xl font-semibold">
                <Link
                  href={`/workspaces/${workspaceId}/documents/${side.document.id}`}
                  className="hover:underline"
                >
                  {side.document.title}
                </Link>
              </h2>
            </div>
            <Annotator
              document={{
                id: side.document.id,
                text: side.document.text,
                version: side.document.version,
              }}
              codebook={codebook}
              initialAnnotations={toReaderPayload(side.annotations, side.document.text)}
              currentUser={currentUser}
              canAnnotate={canAnnotate}
              layout="below"
            />
          </section>
        ))}
      </div>
    </div>
  );
}
