import type { Metadata } from "next";
import Link from "next/link";

import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { requireMembership } from "@/lib/server/workspace/require-membership";

import { ImportCodebookForm } from "./_components/import-codebook-form";

export const metadata: Metadata = { title: "Import a codebook" };

type ImportCodebookPageProps = { params: Promise<{ workspaceId: string }> };

export default async function ImportCodebookPage({ params }: ImportCodebookPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const membership = await orNotFound(
    requireMembership({ userId: user.id, workspaceId, permission: "editCodebook" }),
  );

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className="text-sm text-stone-600">
        <Link href={`/workspaces/${workspaceId}/codebooks`} className="underline">
          {membership.workspace.name}: codebooks
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Import a codebook</h1>
      <p className="text-stone-700">
        Upload or paste a codebook as JSON (the format Export JSON writes, with{" "}
        <code>&quot;schemaVersion&quot;: 1</code>). Every problem in the file is listed at once, and
        nothing is imported until there are none. A new key becomes a new codebook; the key of a
        codebook you already have becomes its next version, as a draft to check and publish.
      </p>
      <ImportCodebookForm workspaceId={workspaceId} />
    </div>
  );
}
