import type { Metadata } from "next";
import Link from "next/link";

import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { requireMembership } from "@/lib/server/workspace/require-membership";

import { AddDocumentTabs } from "./_components/add-document-tabs";

export const metadata: Metadata = { title: "Add an article" };

type NewDocumentPageProps = { params: Promise<{ workspaceId: string }> };

export default async function NewDocumentPage({ params }: NewDocumentPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const membership = await orNotFound(
    requireMembership({ userId: user.id, workspaceId, permission: "addDocument" }),
  );

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={`/workspaces/${workspaceId}`} className="underline">
          {membership.workspace.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Add an article</h1>
      <AddDocumentTabs workspaceId={workspaceId} />
    </div>
  );
}
