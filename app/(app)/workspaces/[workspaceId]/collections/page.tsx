import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { can, roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listCollections } from "@/lib/server/collection/list-collections";

import { CreateCollectionForm } from "./_components/create-collection-form";

export const metadata: Metadata = { title: "Collections" };

type CollectionsPageProps = { params: Promise<{ workspaceId: string }> };

export default async function CollectionsPage({ params }: CollectionsPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const { role, workspace, collections } = await orNotFound(
    listCollections({ userId: user.id, workspaceId }),
  );
  const canManage = can(role, "editDocument");

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href="/workspaces" className="underline">
            Workspaces
          </Link>{" "}
          / You are {roleNames[role].toLowerCase()}
        </p>
        <h1 className="text-2xl font-semibold">{workspace.name}</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={role} current="collections" />
      <section aria-labelledby="collections-heading" className="flex flex-col gap-3">
        <h2 id="collections-heading" className="text-lg font-semibold">
          Collections
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          A collection groups articles that cover the same event, so their outlets can be compared
          side by side: profiles, sources, shared quotes, claims one makes that others omit, and
          loaded language.
        </p>
        {collections.length === 0 ? (
          <p className="text-stone-700">
            No collections yet.{canManage ? " Create one below, then add articles to it." : ""}
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {collections.map((collection) => (
              <li key={collection.id}>
                <Link
                  href={`/workspaces/${workspaceId}/collections/${collection.id}`}
                  className="flex flex-col rounded-lg border border-stone-300 bg-white p-4 hover:border-sky-800"
                >
                  <span className="text-lg font-medium">{collection.name}</span>
                  <span className="text-sm text-stone-600">
                    {[
                      `${collection.documentCount} document${collection.documentCount === 1 ? "" : "s"}`,
                      collection.description,
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
      {canManage ? (
        <>
          <CreateCollectionForm workspaceId={workspaceId} />
          <p className="text-sm">
            <Link
              href={`/workspaces/${workspaceId}/collections/workspace-agreement`}
              className="text-sky-800 underline"
            >
              Agreement across every document in the workspace
            </Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
