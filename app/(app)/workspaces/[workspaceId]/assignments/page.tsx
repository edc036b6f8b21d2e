import type { Metadata } from "next";
import Link from "next/link";

import { ClassPageHeader } from "@/components/classes/class-page-header";
import { LocalDateTime } from "@/components/classes/local-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { listAssignments } from "@/lib/server/assignment/list-assignments";

export const metadata: Metadata = { title: "Assignments" };

type AssignmentsPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ joined?: string }>;
};

const modeNames = { OPEN: "Open", BLIND: "Blind", REVEALED: "Revealed" } as const;

export default async function AssignmentsPage({ params, searchParams }: AssignmentsPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const [data, query] = await Promise.all([
    orNotFound(listAssignments({ userId: user.id, workspaceId })),
    searchParams,
  ]);
  const base = `/workspaces/${workspaceId}/assignments`;

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={data.workspace.name}
        role={data.role}
        current="assignments"
        title="Assignments"
      />
      {query.joined === "1" ? (
        <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-2 text-sm">
          Welcome: you joined “{data.workspace.name}”. Your assignments are below.
        </p>
      ) : null}
      {data.isInstructor ? (
        <p>
          <Link
            href={`${base}/new`}
            className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900"
          >
            New assignment
          </Link>
        </p>
      ) : null}
      {data.assignments.length === 0 ? (
        <p className="text-stone-700">
          No assignments yet.
          {data.isInstructor ? " Create one: choose documents, a mode and a due date." : ""}
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Assignments">
          {data.assignments.map((assignment) => (
            <li key={assignment.id}>
              <Link
                href={`${base}/${assignment.id}`}
                className="flex flex-col gap-1 rounded-lg border border-stone-300 bg-white p-4 hover:border-sky-800"
                data-testid="assignment-item"
              >
                <span className="text-lg font-medium">{assignment.title}</span>
                <span className="text-sm text-stone-700">
                  {modeNames[assignment.mode]} · {assignment.documentCount} document
                  {assignment.documentCount === 1 ? "" : "s"}
                  {assignment.dueAt ? (
                    <>
                      {" "}
                      · due <LocalDateTime value={assignment.dueAt} />
                    </>
                  ) : null}
                </span>
                <span className="text-sm text-stone-700">
                  {data.isInstructor
                    ? `${assignment.submittedCount} of ${assignment.studentCount} students handed in`
                    : `${assignment.documentsDone} of ${assignment.documentCount} documents with highlights · ${assignment.highlights} highlight${assignment.highlights === 1 ? "" : "s"} · ${assignment.submittedAt ? "handed in" : "not handed in"}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
