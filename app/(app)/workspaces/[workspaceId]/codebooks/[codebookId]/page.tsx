import type { Metadata } from "next";
import Link from "next/link";

import {
  CodebookStatusBadge,
  ColorSwatch,
  DefaultBadge,
} from "@/components/codebook/codebook-status";
import { SafeMarkdown } from "@/components/codebook/safe-markdown";
import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { can } from "@/lib/auth/roles";
import { getCodebookPublishPlan } from "@/lib/server/codebook/get-codebook-publish-plan";

import { CodebookActions } from "./_components/codebook-actions";
import { loadCodebookPage } from "./_lib/load-codebook-page";

export const metadata: Metadata = { title: "Codebook" };

type CodebookPageProps = {
  params: Promise<{ workspaceId: string; codebookId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const scopeNames = { SPAN: "Passages", DOCUMENT: "Whole document" } as const;
const fieldTypeNames = {
  LABELS: "Labels",
  ORDINAL: "Ordinal scale",
  TEXT: "Free text",
  TARGET: "Labels about a named target",
  LINK: "Labels linked to another highlight",
} as const;

function count(value: string | string[] | undefined) {
  const parsed = Number(typeof value === "string" ? value : "0");
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

function doneMessage(query: Record<string, string | string[] | undefined>, version: number) {
  const moved = count(query.moved);
  const highlights = `${moved} highlight${moved === 1 ? "" : "s"}`;
  const carry = moved === 1 ? "carries" : "carry";
  switch (query.done) {
    case "created":
      return "Codebook created from the preset.";
    case "imported":
      return `Codebook imported as version ${version}.`;
    case "saved":
      return `Saved as version ${version} (draft). Annotators keep the published version until you publish this one.`;
    case "published":
      return `Version ${version} is published; ${highlights} now ${carry} its labels.`;
    case "default":
      return "This codebook is now the default: annotators tag with it.";
    case "discarded":
      return "The draft was discarded.";
    case "renamed":
      return `Label renamed. This is version ${version}; ${highlights} moved with it.`;
    case "merged":
      return `Labels merged. This is version ${version}; ${highlights} now ${carry} the merged label.`;
    case "split":
      return `Label split. This is version ${version}; ${highlights} were assigned to the new labels.`;
    case "deleted":
      return `Label deleted. This is version ${version}; ${highlights} moved to the label you chose.`;
    default:
      return null;
  }
}

export default async function CodebookPage({ params, searchParams }: CodebookPageProps) {
  const { user, workspaceId, codebook, workspace, role, usage, versions, latest } =
    await loadCodebookPage(params);
  const query = await searchParams;
  const canEdit = can(role, "editCodebook");
  const base = `/workspaces/${workspaceId}/codebooks`;
  const isLatest = latest.id === codebook.id;
  const published = versions.find((version) => version.status === "PUBLISHED");
  const plan =
    canEdit && codebook.status === "DRAFT"
      ? await getCodebookPublishPlan({ userId: user.id, codebookId: codebook.id })
      : null;
  const notice = doneMessage(query, codebook.version);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={base} className="underline">
            {workspace.name}: codebooks
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{codebook.name}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <CodebookStatusBadge status={codebook.status} version={codebook.version} />
          {codebook.isDefault ? <DefaultBadge /> : null}
          <span className="text-xs text-stone-600">Key: {codebook.key}</span>
        </div>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={role} current="codebooks" />

      {notice ? (
        <p
          role="status"
          className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm"
          data-testid="codebook-notice"
        >
          {notice}
        </p>
      ) : null}
      {!isLatest ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm">
          This is version {codebook.version}, kept for the record.{" "}
          <Link href={`${base}/${latest.id}`} className="text-sky-800 underline">
            Version {latest.version} ({latest.status.toLowerCase()}) is the latest
          </Link>
          .
        </p>
      ) : null}

      <CodebookActions
        workspaceId={workspaceId}
        codebook={{
          id: codebook.id,
          name: codebook.name,
          version: codebook.version,
          status: codebook.status,
          isDefault: codebook.isDefault,
          updatedAt: codebook.updatedAt.toISOString(),
        }}
        canEdit={canEdit}
        isLatest={isLatest}
        hasPublished={published !== undefined}
        publishPlan={plan}
        draftDimensions={codebook.dimensions.map((dimension) => ({
          key: dimension.key,
          name: dimension.name,
          labels: dimension.labels.map((label) => ({ id: label.id, name: label.name })),
        }))}
      />

      {codebook.description ? <p className="max-w-3xl">{codebook.description}</p> : null}
      {codebook.source || codebook.licence ? (
        <dl className="grid max-w-4xl gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {codebook.source ? (
            <>
              <dt className="font-medium">Source</dt>
              <dd className="text-stone-700">{codebook.source}</dd>
            </>
          ) : null}
          {codebook.licence ? (
            <>
              <dt className="font-medium">Licence</dt>
              <dd className="text-stone-700">{codebook.licence}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <section aria-labelledby="guidelines-heading" className="flex max-w-3xl flex-col gap-2">
        <h2 id="guidelines-heading" className="text-lg font-semibold">
          Guidelines
        </h2>
        {codebook.guidelines.trim() ? (
          <SafeMarkdown>{codebook.guidelines}</SafeMarkdown>
        ) : (
          <p className="text-stone-700">
            No guidelines yet.{canEdit ? " Add them in the editor (Markdown)." : ""} Each label
            below has its own page with its definition and examples.
          </p>
        )}
      </section>

      <section aria-labelledby="dimensions-heading" className="flex flex-col gap-4">
        <h2 id="dimensions-heading" className="text-lg font-semibold">
          Dimensions and labels
        </h2>
        {codebook.dimensions.map((dimension) => (
          <section
            key={dimension.id}
            aria-labelledby={`dimension-${dimension.id}`}
            className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
          >
            <h3 id={`dimension-${dimension.id}`} className="flex items-center gap-2 font-semibold">
              <ColorSwatch color={dimension.color} />
              {dimension.name}
            </h3>
            <p className="text-sm text-stone-600">
              {[
                scopeNames[dimension.scope],
                fieldTypeNames[dimension.fieldType],
                dimension.multiple ? "any that apply" : "one per highlight",
                dimension.required ? "required" : "optional",
              ].join(" · ")}
            </p>
            {dimension.description ? <p className="text-sm">{dimension.description}</p> : null}
            {dimension.labels.length > 0 ? (
              <ul className="grid gap-1 sm:grid-cols-2" aria-label={`Labels of ${dimension.name}`}>
                {dimension.labels.map((label) => {
                  const used = usage.get(label.id)?.total ?? 0;
                  return (
                    <li key={label.id} className="flex items-baseline gap-2 text-sm">
                      <ColorSwatch color={label.color} className="size-2.5" />
                      <Link
                        prefetch={false}
                        href={`${base}/${codebook.id}/labels/${label.id}`}
                        className="text-sky-800 underline"
                      >
                        {label.name}
                      </Link>
                      {label.shortcut ? (
                        <kbd className="rounded border border-stone-300 px-1 text-xs">
                          {label.shortcut}
                        </kbd>
                      ) : null}
                      <span className="text-xs text-stone-600">
                        {used} highlight{used === 1 ? "" : "s"}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-stone-700">Answered with free text.</p>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <ul className="flex flex-wrap gap-2">
          {versions.map((version) => (
            <li key={version.id}>
              <Link
                prefetch={false}
                href={`${base}/${version.id}`}
                aria-current={version.id === codebook.id ? "page" : undefined}
                className="inline-flex rounded-full aria-[current=page]:outline-2 aria-[current=page]:outline-sky-800"
              >
                <CodebookStatusBadge status={version.status} version={version.version} />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
