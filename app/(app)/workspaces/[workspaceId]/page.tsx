import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { can, roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listDocuments } from "@/lib/server/document/list-documents";
import { requireMembership } from "@/lib/server/workspace/require-membership";

export const metadata: Metadata = { title: "Workspace" };

type WorkspacePageProps = { params: Promise<{ workspaceId: string }> };

const kindNames = {
  ARTICLE: "Article",
  AI_ANALYSIS: "AI-generated analysis",
  SUBMISSION: "Submission",
} as const;

export default async function WorkspacePage({ params }: WorkspacePageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const membership = await orNotFound(
    requireMembership({ userId: user.id, workspaceId, permission: "readWorkspace" }),
  );
  const documents = await listDocuments({ userId: user.id, workspaceId });

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
        {can(membership.role, "addDocument") ? (
          <Link
            href={`/workspaces/${workspaceId}/documents/new`}
            className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900"
          >
            Add an article
          </Link>
        ) : null}
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={membership.role} current="" />
      <section aria-labelledby="documents-heading" className="flex flex-col gap-2">
        <h2 id="documents-heading" className="text-lg font-semibold">
          Documents
        </h2>
        {documents.length === 0 ? (
          <p className="text-stone-700">
            No documents yet.
            {can(membership.role, "addDocument")
              ? " Add an article by pasting its title and text."
              : ""}
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {documents.map((document) => (
              <li key={document.id}>
                <Link
                  href={`/workspaces/${workspaceId}/documents/${document.id}`}
                  className="flex flex-col rounded-lg border border-stone-300 bg-white p-4 hover:border-sky-800"
                >
                  <span className="font-serif text-lg">{document.title}</span>
                  <span className="text-sm text-stone-600">
                    {[
                      kindNames[document.kind],
                      document.outlet,
                      `${document.highlightCount} highlights`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
