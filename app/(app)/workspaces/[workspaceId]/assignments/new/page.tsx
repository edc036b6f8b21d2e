import type { Metadata } from "next";

import { AssignmentForm } from "@/components/classes/assignment-form";
import { ClassPageHeader } from "@/components/classes/class-page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getAssignmentFormOptions } from "@/lib/server/assignment/get-assignment-form-options";

export const metadata: Metadata = { title: "New assignment" };

type NewAssignmentPageProps = { params: Promise<{ workspaceId: string }> };

export default async function NewAssignmentPage({ params }: NewAssignmentPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const options = await orNotFound(getAssignmentFormOptions({ userId: user.id, workspaceId }));

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={options.membership.workspace.name}
        role={options.membership.role}
        current="assignments"
        title="New assignment"
        trail={[["Assignments", `/workspaces/${workspaceId}/assignments`]]}
      />
      <div className="max-w-3xl">
        <AssignmentForm
          workspaceId={workspaceId}
          documents={options.documents}
          codebooks={options.codebooks}
        />
      </div>
    </div>
  );
}
