import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getDocumentForMember } from "@/lib/server/document/get-document";

import { EditDocumentForm } from "./_components/edit-document-form";

export const metadata: Metadata = { title: "Edit document" };

type EditDocumentPageProps = { params: Promise<{ workspaceId: string; documentId: string }> };

export default async function EditDocumentPage({ params }: EditDocumentPageProps) {
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
  const document = await orNotFound(getDocumentForMember({ userId: user.id, documentId }));

  const isOwnDraft = document.createdById === user.id && can(document.role, "annotate");
  if (document.workspaceId !== workspaceId || !(can(document.role, "editDocument") || isOwnDraft)) {
    notFound();
  }

  const documentPath = `/workspaces/${workspaceId}/documents/${documentId}`;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={documentPath} className="underline">
          Back to the document
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit “{document.title}”</h1>
      <EditDocumentForm
        documentId={documentId}
        version={document.version}
        highlightCount={document.highlightCount}
        values={{
          title: document.title,
          text: document.text,
          outlet: document.outlet ?? "",
          author: document.author ?? "",
          sourceUrl: document.sourceUrl ?? "",
          publishedAt: document.publishedAt?.toISOString().slice(0, 10) ?? "",
          kind: document.kind,
        }}
      />
    </div>
  );
}
