import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getExportOptions } from "@/lib/server/export/get-export-options";
import { listSnapshots } from "@/lib/server/export/list-snapshots";

import { ExportsView } from "./_components/exports-view";

export const metadata: Metadata = { title: "Exports" };

type ExportsPageProps = { params: Promise<{ workspaceId: string }> };

export default async function ExportsPage({ params }: ExportsPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const [options, snapshots] = await orNotFound(
    Promise.all([
      getExportOptions({ userId: user.id, workspaceId }),
      listSnapshots({ userId: user.id, workspaceId }),
    ]),
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href="/workspaces" className="underline">
            Workspaces
          </Link>{" "}
          /{" "}
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {options.workspaceName}
          </Link>{" "}
          / You are {roleNames[options.role].toLowerCase()}
        </p>
        <h1 className="text-2xl font-semibold">Exports</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={options.role} current="exports" />
      <ExportsView
        workspaceId={workspaceId}
        isOwner={options.role === "OWNER"}
        codebooks={options.codebooks}
        collections={options.collections}
        documents={options.documents}
        members={options.members}
        initialSnapshots={snapshots}
      />
    </div>
  );
}
