import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CodebookStatusBadge } from "@/components/codebook/codebook-status";
import { can } from "@/lib/auth/roles";
import { labelPath, toCodebookFile } from "@/lib/server/codebook/codebook-content";
import { getCodebook } from "@/lib/server/codebook/get-codebook";

import { loadCodebookPage } from "../_lib/load-codebook-page";

import { CodebookEditor } from "./_components/codebook-editor";
import { toEditorState, type SavedLabelInfo } from "./_components/editor-state";

export const metadata: Metadata = { title: "Edit codebook" };

type EditCodebookPageProps = {
  params: Promise<{ workspaceId: string; codebookId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditCodebookPage({ params, searchParams }: EditCodebookPageProps) {
  const { user, workspaceId, codebook, role, usage, versions, latest } =
    await loadCodebookPage(params);
  if (!can(role, "editCodebook")) {
    notFound();
  }
  const query = await searchParams;
  const base = `/workspaces/${workspaceId}/codebooks`;

  const header = (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-stone-600">
        <Link href={`${base}/${codebook.id}`} className="underline">
          Back to {codebook.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit “{codebook.name}”</h1>
      <div>
        <CodebookStatusBadge status={codebook.status} version={codebook.version} />
      </div>
    </div>
  );

  if (latest.id !== codebook.id || codebook.status === "ARCHIVED") {
    return (
      <div className="flex flex-col gap-4">
        {header}
        <p className="rounded-md border border-amber-700 bg-amber-50 p-3">
          Version {codebook.version} is not the latest, so it cannot be edited.{" "}
          <Link href={`${base}/${latest.id}/edit`} className="text-sky-800 underline">
            Edit version {latest.version} ({latest.status.toLowerCase()})
          </Link>
        </p>
      </div>
    );
  }

  // Labels carry highlights only in the published version: a draft shows those counts
  // by key, so the editor can warn before a label in use is removed.
  const saved = new Map<string, SavedLabelInfo>();
  const published = versions.find((version) => version.status === "PUBLISHED");
  const counts =
    codebook.status === "DRAFT" && published
      ? await getCodebook({ userId: user.id, codebookId: published.id })
      : { codebook, usage };
  const usageByPath = new Map(
    counts.codebook.dimensions.flatMap((dimension) =>
      dimension.labels.map((label) => [
        labelPath(dimension.key, label.key),
        counts.usage.get(label.id)?.total ?? 0,
      ]),
    ),
  );
  for (const dimension of codebook.dimensions) {
    for (const label of dimension.labels) {
      const path = labelPath(dimension.key, label.key);
      saved.set(path, { id: label.id, usage: usageByPath.get(path) ?? 0 });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {header}
      {query.saved === "1" ? (
        <p role="status" className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm">
          Saved draft version {codebook.version}.{" "}
          <Link href={`${base}/${codebook.id}`} className="text-sky-800 underline">
            Review and publish it
          </Link>
          .
        </p>
      ) : null}
      <CodebookEditor
        key={codebook.updatedAt.toISOString()}
        workspaceId={workspaceId}
        codebook={{
          id: codebook.id,
          key: codebook.key,
          version: codebook.version,
          status: codebook.status,
          updatedAt: codebook.updatedAt.toISOString(),
        }}
        initial={toEditorState(toCodebookFile(codebook), saved)}
      />
    </div>
  );
}
