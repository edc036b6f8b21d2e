import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CodebookStatusBadge } from "@/components/codebook/codebook-status";
import { can } from "@/lib/auth/roles";

import { loadCodebookPage } from "../_lib/load-codebook-page";

import { LabelOperations } from "./_components/label-operations";

export const metadata: Metadata = { title: "Rename, merge, split or delete labels" };

type ChangeLabelsPageProps = { params: Promise<{ workspaceId: string; codebookId: string }> };

export default async function ChangeLabelsPage({ params }: ChangeLabelsPageProps) {
  const { workspaceId, codebook, role, usage, latest } = await loadCodebookPage(params);
  if (!can(role, "editCodebook")) {
    notFound();
  }
  const base = `/workspaces/${workspaceId}/codebooks`;
  const isReady = latest.id === codebook.id && codebook.status === "PUBLISHED";

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={`${base}/${codebook.id}`} className="underline">
          Back to {codebook.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Rename, merge, split or delete labels</h1>
      <div>
        <CodebookStatusBadge status={codebook.status} version={codebook.version} />
      </div>
      {isReady ? (
        <>
          <p className="text-stone-700">
            Each change publishes version {codebook.version + 1} at once and rewrites the highlights
            it affects in the same step, with an entry in the audit log; version {codebook.version}{" "}
            is kept for the record. Counts include deleted highlights, which can be restored.
          </p>
          <LabelOperations
            workspaceId={workspaceId}
            codebook={{
              id: codebook.id,
              version: codebook.version,
              updatedAt: codebook.updatedAt.toISOString(),
            }}
            dimensions={codebook.dimensions.map((dimension) => ({
              id: dimension.id,
              key: dimension.key,
              name: dimension.name,
              labels: dimension.labels.map((label) => ({
                id: label.id,
                key: label.key,
                name: label.name,
                usage: usage.get(label.id)?.total ?? 0,
              })),
            }))}
          />
        </>
      ) : (
        <p className="rounded-md border border-amber-700 bg-amber-50 p-3">
          {latest.status === "DRAFT"
            ? `Version ${latest.version} is a draft. Publish or discard it first: label changes apply to the published version and its highlights.`
            : `Version ${codebook.version} is not the current version.`}{" "}
          <Link href={`${base}/${latest.id}`} className="text-sky-800 underline">
            Open version {latest.version}
          </Link>
        </p>
      )}
    </div>
  );
}
