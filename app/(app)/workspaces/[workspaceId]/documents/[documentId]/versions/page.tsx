import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DiffSide } from "@/components/review/diff-side";
import { DocumentSections } from "@/components/review/document-sections";
import { Button } from "@/components/ui/button";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getDefaultCodebook } from "@/lib/server/codebook/get-default-codebook";
import { getVersionDiff, type SideHighlight } from "@/lib/server/review/get-version-diff";

export const metadata: Metadata = { title: "Versions" };

type VersionsPageProps = {
  params: Promise<{ workspaceId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function readVersion(value: string | string[] | undefined): number | undefined {
  const parsed = Number(typeof value === "string" ? value : NaN);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : undefined;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

// The text of two versions side by side: what was removed and added, and the highlights
// on each side (re-anchored ones on both).
export default async function VersionsPage({ params, searchParams }: VersionsPageProps) {
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
  const query = await searchParams;
  const view = await orNotFound(
    getVersionDiff({
      userId: user.id,
      documentId,
      from: readVersion(query.from),
      to: readVersion(query.to),
    }),
  );
  if (view.document.workspaceId !== workspaceId) {
    notFound();
  }
  const codebook = await getDefaultCodebook(workspaceId);
  const labelNames = new Map(
    codebook.dimensions.flatMap((dimension) =>
      dimension.labels.map((label) => [label.id, `${dimension.name}: ${label.name}`] as const),
    ),
  );
  const describe = (highlight: SideHighlight) => ({
    id: highlight.id,
    start16: highlight.start16,
    end16: highlight.end16,
    description: [
      highlight.authorName,
      ...highlight.labelIds.map((id) => labelNames.get(id) ?? "Label from another codebook"),
    ].join(", "),
  });
  const { diff } = view;
  const versionName = (version: number) => {
    const entry = view.versions.find((candidate) => candidate.version === version);
    return entry
      ? `Version ${version} · ${entry.authorName} · ${dateTime.format(new Date(entry.createdAt))} UTC`
      : `Version ${version}`;
  };

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {view.document.workspaceName}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold">Versions of “{view.document.title}”</h1>
      </header>
      <DocumentSections
        workspaceId={workspaceId}
        documentId={documentId}
        userId={user.id}
        current="versions"
      />

      {view.versions.length < 2 ? (
        <p className="text-stone-700">
          This document has one version so far. When its text is edited or a revision is
          resubmitted, the versions can be compared here.
        </p>
      ) : (
        <form
          method="get"
          className="flex flex-wrap items-end gap-3"
          aria-label="Choose versions to compare"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor="from" className="text-sm font-medium">
              Older version
            </label>
            <select
              id="from"
              name="from"
              defaultValue={view.from.version}
              className="rounded-md border border-stone-400 bg-white px-2 py-1.5"
            >
              {view.versions.map((entry) => (
                <option key={entry.version} value={entry.version}>
                  Version {entry.version}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="to" className="text-sm font-medium">
              Newer version
            </label>
            <select
              id="to"
              name="to"
              defaultValue={view.to.version}
              className="rounded-md border border-stone-400 bg-white px-2 py-1.5"
            >
              {view.versions.map((entry) => (
                <option key={entry.version} value={entry.version}>
                  Version {entry.version}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
      )}

      <p role="status" className="text-sm text-stone-700" data-testid="diff-summary">
        {diff.level === "too-large"
          ? diff.note
          : `${diff.wordsRemoved} word${diff.wordsRemoved === 1 ? "" : "s"} removed, ${diff.wordsAdded} added${diff.level === "paragraph" ? " (by paragraph)" : ""}. ${diff.note ?? ""}`}
      </p>
      <p className="text-xs text-stone-600">
        Removed text is struck through on the older side, added text underlined on the newer side;
        highlights are tinted with an underline (hover for who made them and their labels).
      </p>

      <div className="grid gap-4 lg:grid-cols-2">
        {[
          { side: view.from, parts: diff.level === "too-large" ? [] : diff.oldParts, key: "from" },
          { side: view.to, parts: diff.level === "too-large" ? [] : diff.newParts, key: "to" },
        ].map(({ side, parts, key }) => (
          <section
            key={key}
            aria-labelledby={`${key}-heading`}
            className="flex min-w-0 flex-col gap-1"
          >
            <h2 id={`${key}-heading`} className="text-base font-semibold">
              {versionName(side.version)}
            </h2>
            <p className="text-xs text-stone-600">
              {side.highlights.length} highlight{side.highlights.length === 1 ? "" : "s"}
            </p>
            <DiffSide
              text={side.text}
              parts={parts}
              highlights={side.highlights.map(describe)}
              testId={`version-${key}`}
              label={`Text of version ${side.version}`}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
