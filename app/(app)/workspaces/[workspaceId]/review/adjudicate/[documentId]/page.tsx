import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getDefaultCodebook } from "@/lib/server/codebook/get-default-codebook";
import { getAdjudication } from "@/lib/server/review/get-adjudication";

import { AdjudicationView } from "./_components/adjudication-view";

export const metadata: Metadata = { title: "Adjudicate" };

type AdjudicatePageProps = { params: Promise<{ workspaceId: string; documentId: string }> };

export default async function AdjudicatePage({ params }: AdjudicatePageProps) {
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
  const adjudication = await orNotFound(getAdjudication({ userId: user.id, documentId }));
  if (adjudication.document.workspaceId !== workspaceId) {
    notFound();
  }
  const codebook = await getDefaultCodebook(workspaceId);
  const { document } = adjudication;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {document.workspaceName}
          </Link>{" "}
          /{" "}
          <Link href={`/workspaces/${workspaceId}/review`} className="underline">
            Review
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold">Adjudicate “{document.title}”</h1>
        <p className="text-sm text-stone-700">
          Build the gold set: accept, reject or edit each annotator&apos;s highlight, or add your
          own.
          {adjudication.orphanCount > 0
            ? ` ${adjudication.orphanCount} orphaned highlight${adjudication.orphanCount === 1 ? " is" : "s are"} left out until re-attached.`
            : ""}
        </p>
      </header>
      <AdjudicationView
        document={{
          id: document.id,
          title: document.title,
          text: document.text,
          version: document.version,
        }}
        annotations={adjudication.annotations}
        codebook={codebook}
      />
    </div>
  );
}
