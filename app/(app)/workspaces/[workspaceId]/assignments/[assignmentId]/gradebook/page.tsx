import type { Metadata } from "next";
import Link from "next/link";

import { ClassPageHeader } from "@/components/classes/class-page-header";
import { LocalDateTime } from "@/components/classes/local-date-time";
import { formatScore } from "@/lib/classes/gradebook";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getGradebook } from "@/lib/server/assignment/get-gradebook";

import { assertSameWorkspace, readAssignmentParams } from "../../_lib/assignment-params";

export const metadata: Metadata = { title: "Gradebook" };

type GradebookPageProps = { params: Promise<{ workspaceId: string; assignmentId: string }> };

export default async function GradebookPage({ params }: GradebookPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const { assignment, rows, keyCount } = await orNotFound(
    getGradebook({ userId: user.id, assignmentId }),
  );
  assertSameWorkspace(assignment.workspaceId, workspaceId);
  const base = `/workspaces/${workspaceId}/assignments/${assignmentId}`;

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={assignment.workspaceName}
        role={assignment.role}
        current="assignments"
        title={`Gradebook: ${assignment.title}`}
        trail={[
          ["Assignments", `/workspaces/${workspaceId}/assignments`],
          [assignment.title, base],
        ]}
      />
      <p className="text-sm text-stone-700">
        Each student against the answer key ({keyCount} highlight{keyCount === 1 ? "" : "s"}):
        overlap F1 per document, and over all documents (micro-averaged). Exact scores and the
        counts are in the CSV.
      </p>
      <p>
        <a
          href={`/api/v1/assignments/${assignmentId}/gradebook`}
          download
          className="rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100"
        >
          Download CSV
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="text-stone-700">No students in this class yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="gradebook">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th className="py-1 pr-3">Student</th>
                <th className="py-1 pr-3">Handed in</th>
                {assignment.documents.map((document) => (
                  <th key={document.id} className="py-1 pr-3">
                    {document.title}
                  </th>
                ))}
                <th className="py-1 pr-3">All documents</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.student.userId}
                  className="border-b border-stone-200"
                  data-testid="gradebook-row"
                >
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <Link
                      href={`${base}/results?student=${row.student.userId}`}
                      className="text-sky-800 underline"
                    >
                      {row.student.name}
                    </Link>
                  </th>
                  <td className="py-1 pr-3">
                    {row.student.submittedAt ? (
                      <>
                        <LocalDateTime value={row.student.submittedAt} />
                        {row.student.isLate ? " (late)" : ""}
                      </>
                    ) : (
                      "not yet"
                    )}
                  </td>
                  {row.cells.map((cell) => (
                    <td key={cell.documentId} className="py-1 pr-3">
                      F1 {formatScore(cell.comparison.overlap.f1) || "—"}
                      <span className="block text-xs text-stone-600">
                        {cell.comparison.pairs.length} matched ·{" "}
                        {cell.comparison.missedKeyIds.length} missed ·{" "}
                        {cell.comparison.extraStudentIds.length} extra
                      </span>
                    </td>
                  ))}
                  <td className="py-1 pr-3 font-medium">
                    F1 {formatScore(row.totals.overlap.f1) || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
