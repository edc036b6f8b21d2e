import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FormMessage } from "@/components/ui/form-message";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getDocumentAgreement } from "@/lib/server/agreement/get-document-agreement";

import { DocumentAgreementView } from "./_components/document-agreement-view";
import { MatrixLinks } from "./_components/matrix-links";

export const metadata: Metadata = { title: "Agreement" };

type AgreementPageProps = { params: Promise<{ workspaceId: string; documentId: string }> };

export default async function AgreementPage({ params }: AgreementPageProps) {
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

  // Members whose role may not see who marked what get the reason, not a 404.
  const result = await orNotFound(
    getDocumentAgreement({ userId: user.id, documentId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") {
        return { status: "forbidden" as const, message: error.message };
      }
      throw error;
    }),
  );
  const documentPath = `/workspaces/${workspaceId}/documents/${documentId}`;

  if (result.status === "forbidden") {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          <Link href={documentPath} className="text-sky-800 underline">
            Back to the document
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Agreement</h1>
        <FormMessage message={result.message} />
        <p>
          <Link href={`${documentPath}/profile`} className="text-sky-800 underline">
            See the article profile instead
          </Link>
          , which pools everyone’s highlights without naming anyone.
        </p>
      </div>
    );
  }

  if (result.document.workspaceId !== workspaceId) {
    notFound();
  }

  if (result.status !== "ok") {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          <Link href={documentPath} className="text-sky-800 underline">
            Back to the document
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Agreement: {result.document.title}</h1>
        <FormMessage message={result.message} />
        <MatrixLinks documentId={documentId} dimensions={result.dimensions} />
      </div>
    );
  }

  return (
    <DocumentAgreementView
      workspacePath={`/workspaces/${workspaceId}`}
      workspaceName={result.document.workspaceName}
      documentPath={documentPath}
      document={result.data}
      dimensions={result.dimensions}
      view={result.view}
      gold={result.gold}
      elapsedMs={result.elapsedMs}
    />
  );
}
