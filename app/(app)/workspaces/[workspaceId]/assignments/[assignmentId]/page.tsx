import type { Metadata } from "next";
import Link from "next/link";

import { ActionButton } from "@/components/classes/action-button";
import { ClassPageHeader } from "@/components/classes/class-page-header";
import { Instructions } from "@/components/classes/instructions";
import { LocalDateTime } from "@/components/classes/local-date-time";
import { DocumentReaders, WorkspacePresenceProvider } from "@/components/live/workspace-presence";
import {
  hideAssignmentAction,
  reopenAssignmentAction,
  revealAssignmentAction,
  submitAssignmentAction,
} from "@/lib/actions/assignment-actions";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getAssignment } from "@/lib/server/assignment/get-assignment";

import { assertSameWorkspace, readAssignmentParams } from "../_lib/assignment-params";

export const metadata: Metadata = { title: "Assignment" };

type AssignmentPageProps = { params: Promise<{ workspaceId: string; assignmentId: string }> };

const modeHelp = {
  OPEN: "Open: everyone sees everyone's highlights as they are made.",
  BLIND:
    "Blind: each student sees only their own highlights until they hand in, or until the instructor reveals.",
  REVEALED: "Revealed: every highlight is open to the class for discussion.",
} as const;

export default async function AssignmentPage({ params }: AssignmentPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const assignment = await orNotFound(getAssignment({ userId: user.id, assignmentId }));
  assertSameWorkspace(assignment.workspaceId, workspaceId);

  const base = `/workspaces/${workspaceId}/assignments/${assignmentId}`;
  const fields = { workspaceId, assignmentId };

  return (
    <WorkspacePresenceProvider workspaceId={workspaceId}>
      <div className="flex flex-col gap-6">
        <ClassPageHeader
          workspaceId={workspaceId}
          workspaceName={assignment.workspaceName}
          role={assignment.role}
          current="assignments"
          title={assignment.title}
          trail={[["Assignments", `/workspaces/${workspaceId}/assignments`]]}
        />
        <section className="flex flex-col gap-2" aria-label="About this assignment">
          <p className="text-sm" data-testid="assignment-mode">
            {modeHelp[assignment.mode]}
            {assignment.mode === "REVEALED"
              ? assignment.revealNames
                ? " Names are shown."
                : " Classmates appear as “Student N”."
              : ""}
          </p>
          <p className="text-sm text-stone-700">
            {assignment.dueAt ? (
              <>
                Due <LocalDateTime value={assignment.dueAt} />.{" "}
              </>
            ) : (
              "No due date. "
            )}
            Codebook:{" "}
            {assignment.codebook
              ? `${assignment.codebook.name} (version ${assignment.codebook.version})`
              : "the workspace default"}
            .
          </p>
          {assignment.instructions.trim() ? (
            <div className="rounded-md border border-stone-300 bg-white p-4">
              <h2 className="mb-2 text-sm font-semibold text-stone-700">Instructions</h2>
              <Instructions markdown={assignment.instructions} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="documents-heading" className="flex flex-col gap-2">
          <h2 id="documents-heading" className="text-lg font-semibold">
            Documents
          </h2>
          <ol className="flex flex-col gap-2">
            {assignment.documents.map((document) => (
              <li
                key={document.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-300 bg-white p-3"
                data-testid="assignment-document"
              >
                <Link
                  href={`/workspaces/${workspaceId}/documents/${document.id}`}
                  className="font-serif text-lg underline"
                >
                  {document.title}
                </Link>
                <span className="flex items-center gap-3 text-sm text-stone-700">
                  {assignment.isStudent ? (
                    <span>
                      {document.ownHighlights} highlight{document.ownHighlights === 1 ? "" : "s"} by
                      you
                    </span>
                  ) : null}
                  {assignment.isInstructor ? (
                    <Link href={`${base}/class/${document.id}`} className="text-sky-800 underline">
                      Class view
                    </Link>
                  ) : null}
                </span>
                {assignment.isInstructor ? null : <DocumentReaders documentId={document.id} />}
              </li>
            ))}
          </ol>
        </section>

        {assignment.isStudent ? (
          <section
            aria-labelledby="progress-heading"
            className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
          >
            <h2 id="progress-heading" className="text-lg font-semibold">
              Your progress
            </h2>
            <p data-testid="assignment-progress">
              {assignment.progress.documentsDone} of {assignment.documents.length} document
              {assignment.documents.length === 1 ? "" : "s"} with highlights ·{" "}
              {assignment.progress.highlights} highlight
              {assignment.progress.highlights === 1 ? "" : "s"}
            </p>
            {assignment.submission?.submittedAt ? (
              <p role="status" data-testid="handed-in">
                Handed in on <LocalDateTime value={assignment.submission.submittedAt} />. Your
                highlights are final unless your instructor reopens the assignment.
              </p>
            ) : (
              <>
                {assignment.submission?.reopenedAt ? (
                  <p className="text-sm">
                    Your instructor reopened this on{" "}
                    <LocalDateTime value={assignment.submission.reopenedAt} />: change your
                    highlights, then hand in again.
                  </p>
                ) : null}
                <ActionButton
                  action={submitAssignmentAction}
                  fields={fields}
                  label="Hand in"
                  variant="primary"
                  confirm="Hand in now? After that you can no longer change your highlights."
                  testId="hand-in"
                />
              </>
            )}
            {assignment.isKeyReleased ? (
              <p>
                <Link href={`${base}/results`} className="text-sky-800 underline">
                  See how your highlights compare with the answer key
                </Link>
              </p>
            ) : (
              <p className="text-sm text-stone-700">
                Your comparison with the answer key opens{" "}
                {assignment.dueAt ? (
                  <>
                    after the due date (<LocalDateTime value={assignment.dueAt} />) or
                  </>
                ) : null}{" "}
                when your instructor reveals the highlights.
              </p>
            )}
          </section>
        ) : null}

        {assignment.isInstructor ? (
          <section
            aria-labelledby="presence-heading"
            className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
            data-testid="assignment-presence"
          >
            <h2 id="presence-heading" className="text-lg font-semibold">
              Who is reading now
            </h2>
            <p className="text-sm text-stone-700">
              Updated live: which students have which document of this assignment open.
            </p>
            <ul className="flex flex-col gap-2">
              {assignment.documents.map((document) => (
                <li key={document.id} className="flex flex-col gap-1">
                  <span className="font-serif">{document.title}</span>
                  <DocumentReaders documentId={document.id} emptyText="Nobody is reading it now." />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {assignment.isInstructor ? (
          <section
            aria-labelledby="teach-heading"
            className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-4"
          >
            <h2 id="teach-heading" className="text-lg font-semibold">
              Teaching
            </h2>
            <p className="flex flex-wrap gap-4 text-sm">
              <Link href={`${base}/edit`} className="text-sky-800 underline">
                Edit assignment
              </Link>
              <Link href={`${base}/key`} className="text-sky-800 underline">
                Answer key ({assignment.keyCount} highlight{assignment.keyCount === 1 ? "" : "s"})
              </Link>
              <Link href={`${base}/gradebook`} className="text-sky-800 underline">
                Gradebook
              </Link>
            </p>
            {assignment.mode === "REVEALED" ? (
              <ActionButton
                action={hideAssignmentAction}
                fields={fields}
                label="Make blind again"
                confirm="Hide classmates' highlights again from students who have not handed in?"
              />
            ) : (
              <ActionButton
                action={revealAssignmentAction}
                fields={fields}
                label="Reveal to the class"
                variant="primary"
                testId="reveal-form"
              >
                <fieldset className="flex flex-wrap gap-4 text-sm">
                  <legend className="mb-1 text-sm font-medium">Show classmates</legend>
                  <label className="flex items-center gap-1">
                    <input type="radio" name="revealNames" value="0" defaultChecked /> anonymised
                    (“Student 3”)
                  </label>
                  <label className="flex items-center gap-1">
                    <input type="radio" name="revealNames" value="1" /> with names
                  </label>
                </fieldset>
              </ActionButton>
            )}
            <div className="flex flex-col gap-2">
              <h3 className="font-semibold">Students</h3>
              {assignment.roster && assignment.roster.length > 0 ? (
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr className="border-b border-stone-300 text-left">
                      <th className="py-1 pr-2">Student</th>
                      <th className="py-1 pr-2">Highlights</th>
                      <th className="py-1 pr-2">Documents</th>
                      <th className="py-1 pr-2">Hand-in</th>
                      <th className="py-1">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {assignment.roster.map((row) => (
                      <tr
                        key={row.userId}
                        className="border-b border-stone-200 align-top"
                        data-testid="roster-row"
                      >
                        <td className="py-1 pr-2">{row.name}</td>
                        <td className="py-1 pr-2">{row.highlights}</td>
                        <td className="py-1 pr-2">
                          {row.documentsDone} of {assignment.documents.length}
                        </td>
                        <td className="py-1 pr-2">
                          {row.submittedAt ? (
                            <>
                              <LocalDateTime value={row.submittedAt} />
                              {row.isLate ? " (late)" : ""}
                            </>
                          ) : row.reopenedAt ? (
                            "reopened"
                          ) : (
                            "not yet"
                          )}
                        </td>
                        <td className="flex flex-wrap gap-2 py-1">
                          <Link
                            href={`${base}/results?student=${row.userId}`}
                            className="text-sky-800 underline"
                          >
                            Results
                          </Link>
                          {row.submittedAt ? (
                            <ActionButton
                              action={reopenAssignmentAction}
                              fields={{ ...fields, userId: row.userId }}
                              label="Reopen"
                              ariaLabel={`Reopen the hand-in of ${row.name}`}
                            />
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="text-sm text-stone-700">
                  No students yet. Invite them from{" "}
                  <Link href={`/workspaces/${workspaceId}/members`} className="underline">
                    Members
                  </Link>
                  .
                </p>
              )}
            </div>
          </section>
        ) : null}
      </div>
    </WorkspacePresenceProvider>
  );
}
