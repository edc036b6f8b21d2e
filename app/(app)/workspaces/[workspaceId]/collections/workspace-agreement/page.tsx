import type { Metadata } from "next";
import Link from "next/link";

import { ProjectAgreementView } from "@/components/insight/project-agreement-view";
import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { FormMessage } from "@/components/ui/form-message";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getProjectAgreement } from "@/lib/server/agreement/get-project-agreement";
import { trendPeriodSchema } from "@/lib/validations/collection";

export const metadata: Metadata = { title: "Agreement across the workspace" };

type WorkspaceAgreementPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ trend?: string | string[] }>;
};

// The whole workspace as the project (editors and owners); a collection narrows it down.
export default async function WorkspaceAgreementPage({
  params,
  searchParams,
}: WorkspaceAgreementPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  // A member whose role may not see who marked what gets the reason, not a 404.
  const result = await orNotFound(
    getProjectAgreement({
      userId: user.id,
      project: { kind: "workspace", id: workspaceId },
      trendPeriod: trendPeriodSchema.parse((await searchParams).trend),
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") {
        return { status: "forbidden" as const, message: error.message };
      }
      throw error;
    }),
  );

  if (result.status === "forbidden") {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          <Link href={`/workspaces/${workspaceId}/collections`} className="text-sky-800 underline">
            Back to the collections
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Agreement across the workspace</h1>
        <FormMessage message={result.message} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}/collections`} className="underline">
            Collections
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Agreement across {result.project.workspaceName}</h1>
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={result.project.role} current="collections" />
      {result.status === "ok" ? (
        <ProjectAgreementView
          agreement={result.agreement}
          documents={result.documents}
          matrixPath={`/api/v1/workspaces/${workspaceId}/reliability-matrix`}
          pagePath={`/workspaces/${workspaceId}/collections/workspace-agreement`}
          fileStem={result.project.workspaceName}
        />
      ) : (
        <FormMessage message={result.message} />
      )}
    </div>
  );
}
