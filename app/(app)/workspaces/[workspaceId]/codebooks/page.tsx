import type { Metadata } from "next";
import Link from "next/link";

import { CodebookStatusBadge, DefaultBadge } from "@/components/codebook/codebook-status";
import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { can, roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listCodebooks } from "@/lib/server/codebook/list-codebooks";

export const metadata: Metadata = { title: "Codebooks" };

type CodebooksPageProps = { params: Promise<{ workspaceId: string }> };

export default async function CodebooksPage({ params }: CodebooksPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const { membership, codebooks } = await orNotFound(
    listCodebooks({ userId: user.id, workspaceId }),
  );
  const canEdit = can(membership.role, "editCodebook");
  const base = `/workspaces/${workspaceId}/codebooks`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            <Link href="/workspaces" className="underline">
              Workspaces
            </Link>{" "}
            / You are {roleNames[membership.role].toLowerCase()}
          </p>
          <h1 className="text-2xl font-semibold">{membership.workspace.name}</h1>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`${base}/new`}
              className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900"
            >
              New from preset
            </Link>
            <Link
              href={`${base}/import`}
              className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100"
            >
              Import JSON
            </Link>
          </div>
        ) : null}
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={membership.role} current="codebooks" />
      <section aria-labelledby="codebooks-heading" className="flex flex-col gap-3">
        <h2 id="codebooks-heading" className="text-lg font-semibold">
          Codebooks
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          A codebook is the set of labels people tag passages with. Annotators use the published
          version of the default codebook; editing a published codebook makes a new draft version,
          which takes over when it is published.
        </p>
        <ul className="flex flex-col gap-3" aria-label="Codebooks in this workspace">
          {codebooks.map((codebook) => {
            const [latest] = codebook.versions;
            const current =
              codebook.versions.find((version) => version.status === "PUBLISHED") ?? latest;
            return (
              <li
                key={codebook.key}
                className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
                data-testid="codebook-item"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-lg font-medium">
                    <Link href={`${base}/${current?.id ?? ""}`} className="hover:underline">
                      {codebook.name}
                    </Link>
                  </h3>
                  {codebook.isDefault ? <DefaultBadge /> : null}
                </div>
                {codebook.description ? (
                  <p className="line-clamp-2 text-sm text-stone-700">{codebook.description}</p>
                ) : null}
                <p className="text-xs text-stone-600">Key: {codebook.key}</p>
                <ul className="flex flex-wrap gap-2" aria-label={`Versions of ${codebook.name}`}>
                  {codebook.versions.map((version) => (
                    <li key={version.id}>
                      <Link
                        prefetch={false}
                        href={`${base}/${version.id}`}
                        className="inline-flex rounded-full focus-visible:outline-2 focus-visible:outline-sky-800"
                        aria-label={`Version ${version.version}, ${version.status.toLowerCase()}, ${version.labelCount} labels`}
                      >
                        <CodebookStatusBadge status={version.status} version={version.version} />
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
