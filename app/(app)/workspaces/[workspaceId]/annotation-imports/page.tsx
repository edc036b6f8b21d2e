import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { roleNames } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getAnnotationImportOptions } from "@/lib/server/annotation-import/get-annotation-import-options";

import { AnnotationImportForm } from "./_components/annotation-import-form";

export const metadata: Metadata = { title: "Import annotations" };

type AnnotationImportsPageProps = { params: Promise<{ workspaceId: string }> };

export default async function AnnotationImportsPage({ params }: AnnotationImportsPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const options = await orNotFound(getAnnotationImportOptions({ userId: user.id, workspaceId }));

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
        <h1 className="text-2xl font-semibold">Import annotations</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={options.role} current="annotation-imports" />
      <AnnotationImportForm workspaceId={workspaceId} codebooks={options.codebooks} />
    </div>
  );
}
