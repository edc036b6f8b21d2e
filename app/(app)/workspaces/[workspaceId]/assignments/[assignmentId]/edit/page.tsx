import type { Metadata } from "next";

import { AssignmentForm } from "@/components/classes/assignment-form";
import { ClassPageHeader } from "@/components/classes/class-page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { findAssignment } from "@/lib/server/assignment/find-assignment";
import { getAssignmentFormOptions } from "@/lib/server/assignment/get-assignment-form-options";

import { assertSameWorkspace, readAssignmentParams } from "../../_lib/assignment-params";

export const metadata: Metadata = { title: "Edit assignment" };

type EditAssignmentPageProps = { params: Promise<{ workspaceId: string; assignmentId: string }> };

export default async function EditAssignmentPage({ params }: EditAssignmentPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const assignment = await orNotFound(
    findAssignment({ userId: user.id, assignmentId, permission: "teachClass" }),
  );
  assertSameWorkspace(assignment.workspaceId, workspaceId);
  const options = await getAssignmentFormOptions({ userId: user.id, workspaceId });

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={assignment.workspaceName}
        role={assignment.role}
        current="assignments"
        title={`Edit “${assignment.title}”`}
        trail={[
          ["Assignments", `/workspaces/${workspaceId}/assignments`],
          [assignment.title, `/workspaces/${workspaceId}/assignments/${assignmentId}`],
        ]}
      />
      <div className="max-w-3xl">
        <AssignmentForm
          workspaceId={workspaceId}
          assignmentId={assignmentId}
          documents={options.documents}
          codebooks={options.codebooks}
          values={{
            title: assignment.title,
            instructions: assignment.instructions,
            codebookId: assignment.codebookId ?? "",
            dueAt: assignment.dueAt?.toISOString() ?? null,
            mode: assignment.mode,
            documentIds: assignment.documents.map((document) => document.id),
          }}
        />
      </div>
    </div>
  );
}
