import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Annotator } from "@/components/annotator/annotator";
import { DocumentAnswers } from "@/components/annotator/document-answers";
import { DocumentSections } from "@/components/review/document-sections";
import { ClassDocumentBanner } from "@/components/classes/class-document-banner";
import { PresenceStrip } from "@/components/discussion/presence-strip";
import { ThreadsPanel } from "@/components/discussion/threads-panel";
import { LiveDocumentTitle, LiveDocumentVersion } from "@/components/live/live-document-heading";
import { LiveProvider } from "@/components/live/live-provider";
import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { toReaderPayload } from "@/lib/annotator/reader-payload";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listReaderAnnotations } from "@/lib/server/annotation/list-reader-annotations";
import { getAssignmentCodebook } from "@/lib/server/assignment/get-assignment-codebook";
import { getDocumentClassInfo } from "@/lib/server/assignment/get-document-class-info";
import { getDefaultCodebook } from "@/lib/server/codebook/get-default-codebook";
import { getDocumentDimensions } from "@/lib/server/codebook/get-document-dimensions";
import { getDocumentForMember } from "@/lib/server/document/get-document";
import { listDocumentAnswers } from "@/lib/server/document-answer/list-document-answers";
import { getLiveCursor } from "@/lib/server/live/open-live-stream";

export const metadata: Metadata = { title: "Read and highlight" };

type DocumentPageProps = {
  params: Promise<{ workspaceId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function count(value: string | string[] | undefined): number {
  const parsed = Number(typeof value === "string" ? value : "0");
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

export default async function DocumentPage({ params, searchParams }: DocumentPageProps) {
  const user = await requireSessionUser();
  const { workspaceId: rawWorkspaceId, documentId: rawDocumentId } = await params;
  const [workspaceId, documentId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(rawWorkspaceId, "This workspace"),
          parseId(rawDocumentId, "This document"),
        ] as const,
    ),
  );

  const document = await orNotFound(getDocumentForMember({ userId: user.id, documentId }));

  // The URL's workspace must be the document's own.
  if (document.workspaceId !== workspaceId) {
    notFound();
  }

  // Classes (issue 5): the live cursor is read before the highlights, so the stream
  // replays anything saved in between; assignments may freeze highlighting or bring their
  // own codebook.
  const liveCursor = await getLiveCursor(workspaceId);
  const [defaultCodebook, annotations, classInfo] = await Promise.all([
    getDefaultCodebook(workspaceId),
    listReaderAnnotations({ userId: user.id, documentId }),
    getDocumentClassInfo({ userId: user.id, documentId }),
  ]);
  const codebook =
    (classInfo.codebookId && (await getAssignmentCodebook(classInfo.codebookId, workspaceId))) ||
    defaultCodebook;
  const [documentDimensions, documentAnswers] = await Promise.all([
    getDocumentDimensions(codebook.id),
    listDocumentAnswers({ userId: user.id, documentId }),
  ]);

  const query = await searchParams;
  const editSummary =
    query.edited === "1"
      ? {
          unchanged: count(query.unchanged),
          moved: count(query.moved),
          orphaned: count(query.orphaned),
        }
      : null;
  const canEdit =
    can(document.role, "editDocument") ||
    (document.createdById === user.id && can(document.role, "annotate"));

  const byline = [
    document.outlet,
    document.author,
    document.publishedAt?.toISOString().slice(0, 10),
  ]
    .filter(Boolean)
    .join(" · ");

  const heading = { documentId, title: document.title, version: document.version };

  // The live stream wraps the header too, so the title and version follow edits.
  return (
    <LiveProvider documentId={documentId} cursor={liveCursor} currentUserId={user.id}>
      <article className="flex flex-col gap-4">
        <header className="flex flex-col gap-1">
          <p className="text-sm text-stone-600">
            <Link href={`/workspaces/${workspaceId}`} className="underline">
              {document.workspaceName}
            </Link>
          </p>
          <LiveDocumentTitle {...heading} />
          {byline ? <p className="text-sm text-stone-700">{byline}</p> : null}
          {canEdit ? (
            <p className="text-sm">
              <Link
                href={`/workspaces/${workspaceId}/documents/${documentId}/edit`}
                className="text-sky-800 underline"
              >
                Edit text and details
              </Link>{" "}
              <LiveDocumentVersion {...heading} />
            </p>
          ) : null}
          <p className="text-sm">
            <Link
              href={`/workspaces/${workspaceId}/documents/${documentId}/profile`}
              className="text-sky-800 underline"
            >
              Profile
            </Link>
            {can(document.role, "viewAgreement") ? (
              <>
                {" "}
                ·{" "}
                <Link
                  href={`/workspaces/${workspaceId}/documents/${documentId}/agreement`}
                  className="text-sky-800 underline"
                >
                  Agreement
                </Link>
              </>
            ) : null}
          </p>
          {editSummary ? (
            <p
              role="status"
              className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm"
              data-testid="edit-summary"
            >
              Saved. Highlights: {editSummary.unchanged} unchanged, {editSummary.moved} moved to
              match the new text, {editSummary.orphaned} orphaned
              {editSummary.orphaned > 0 ? " (listed beside the text to re-attach or delete)" : ""}.
            </p>
          ) : null}
          {document.sourceUrl ? (
            <p className="text-sm">
              <a
                href={document.sourceUrl}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-sky-800 underline"
              >
                Original source
              </a>
            </p>
          ) : null}
        </header>
        <DocumentSections
          workspaceId={workspaceId}
          documentId={documentId}
          userId={user.id}
          current="read"
        />
        <ClassDocumentBanner
          workspaceId={workspaceId}
          isInstructor={can(document.role, "teachClass")}
          info={classInfo}
        />
        <PresenceStrip />
        <Annotator
          document={{ id: document.id, text: document.text, version: document.version }}
          codebook={codebook}
          initialAnnotations={toReaderPayload(annotations, document.text)}
          currentUser={{ id: user.id, name: user.name }}
          canAnnotate={can(document.role, "annotate") && !classInfo.lock}
        />
        <DocumentAnswers
          documentId={document.id}
          dimensions={documentDimensions}
          initialAnswers={documentAnswers}
          currentUserId={user.id}
          canAnswer={can(document.role, "annotate") && !classInfo.lock}
        />
        <ThreadsPanel
          documentId={documentId}
          currentUserId={user.id}
          labelNames={Object.fromEntries(
            codebook.dimensions.flatMap((dimension) =>
              dimension.labels.map((label) => [label.id, label.name]),
            ),
          )}
        />
      </article>
    </LiveProvider>
  );
}
