import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ProjectAgreementView } from "@/components/insight/project-agreement-view";
import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { FormMessage } from "@/components/ui/form-message";
import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getProjectAgreement } from "@/lib/server/agreement/get-project-agreement";
import { trendPeriodSchema } from "@/lib/validations/collection";
import { getCollection } from "@/lib/server/collection/get-collection";
import { getCollectionComparison } from "@/lib/server/collection/get-collection-comparison";

import { CollectionDocuments } from "./_components/collection-documents";
import { ComparisonView } from "./_components/comparison-view";

export const metadata: Metadata = { title: "Collection" };

type CollectionPageProps = {
  params: Promise<{ workspaceId: string; collectionId: string }>;
  searchParams: Promise<{ trend?: string | string[] }>;
};

export default async function CollectionPage({ params, searchParams }: CollectionPageProps) {
  const user = await requireSessionUser();
  const raw = await params;
  const [workspaceId, collectionId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(raw.workspaceId, "This workspace"),
          parseId(raw.collectionId, "This collection"),
        ] as const,
    ),
  );
  const collection = await orNotFound(getCollection({ userId: user.id, collectionId }));
  if (collection.workspaceId !== workspaceId) {
    notFound();
  }

  const canSeeAgreement = can(collection.role, "viewAgreement");
  const [comparison, agreement] = await Promise.all([
    getCollectionComparison({ userId: user.id, collectionId }),
    canSeeAgreement
      ? getProjectAgreement({
          userId: user.id,
          project: { kind: "collection", id: collectionId },
          trendPeriod: trendPeriodSchema.parse((await searchParams).trend),
        })
      : null,
  ]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {collection.workspaceName}
          </Link>{" "}
          /{" "}
          <Link href={`/workspaces/${workspaceId}/collections`} className="underline">
            Collections
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{collection.name}</h1>
        {collection.description ? <p className="text-stone-700">{collection.description}</p> : null}
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={collection.role} current="collections" />
      <CollectionDocuments
        workspaceId={workspaceId}
        collectionId={collectionId}
        documents={collection.documents}
        available={collection.available}
        canManage={can(collection.role, "editDocument")}
      />
      {comparison.status === "ok" ? (
        <ComparisonView
          comparison={comparison.comparison}
          workspacePath={`/workspaces/${workspaceId}`}
          fileStem={collection.name}
        />
      ) : (
        <section aria-labelledby="comparison-heading" className="flex flex-col gap-2">
          <h2 id="comparison-heading" className="text-xl font-semibold">
            Outlets side by side
          </h2>
          <FormMessage tone="info" message={comparison.message} />
        </section>
      )}
      {agreement ? (
        agreement.status === "ok" ? (
          <ProjectAgreementView
            agreement={agreement.agreement}
            documents={agreement.documents}
            matrixPath={`/api/v1/collections/${collectionId}/reliability-matrix`}
            pagePath={`/workspaces/${workspaceId}/collections/${collectionId}`}
            fileStem={collection.name}
          />
        ) : (
          <section aria-labelledby="project-agreement-heading" className="flex flex-col gap-2">
            <h2 id="project-agreement-heading" className="text-xl font-semibold">
              Agreement across the documents
            </h2>
            <FormMessage message={agreement.message} />
          </section>
        )
      ) : (
        <p className="text-sm text-stone-700">
          Agreement across these documents is shown to editors and owners, since it names who marked
          what.
        </p>
      )}
    </div>
  );
}
