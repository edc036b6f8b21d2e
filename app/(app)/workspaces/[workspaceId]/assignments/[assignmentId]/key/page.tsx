import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";

import { ActionButton } from "@/components/classes/action-button";
import { ClassPageHeader } from "@/components/classes/class-page-header";
import { LabelChips } from "@/components/classes/label-chips";
import {
  addOwnHighlightsToKeyAction,
  addToAnswerKeyAction,
  copyToAnswerKeyAction,
  removeFromAnswerKeyAction,
} from "@/lib/actions/assignment-actions";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getAnswerKey, type KeyCandidate } from "@/lib/server/assignment/get-answer-key";
import type { LabelInfo } from "@/lib/server/assignment/load-label-names";

import { assertSameWorkspace, readAssignmentParams } from "../../_lib/assignment-params";

export const metadata: Metadata = { title: "Answer key" };

type AnswerKeyPageProps = { params: Promise<{ workspaceId: string; assignmentId: string }> };

function Candidate({
  item,
  labels,
  children,
}: {
  item: KeyCandidate;
  labels: Map<string, LabelInfo>;
  children: ReactNode;
}) {
  return (
    <li
      className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-stone-300 bg-white p-2 text-sm"
      data-testid="key-candidate"
    >
      <div className="flex flex-col gap-1">
        <span className="font-serif">“{item.exact}”</span>
        <span className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
          {item.isOwn ? "You" : item.authorName}{" "}
          <LabelChips labelIds={item.labelIds} labels={labels} />
        </span>
      </div>
      {children}
    </li>
  );
}

export default async function AnswerKeyPage({ params }: AnswerKeyPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const { assignment, documents, labels } = await orNotFound(
    getAnswerKey({ userId: user.id, assignmentId }),
  );
  assertSameWorkspace(assignment.workspaceId, workspaceId);
  const fields = { workspaceId, assignmentId };

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={assignment.workspaceName}
        role={assignment.role}
        current="assignments"
        title={`Answer key: ${assignment.title}`}
        trail={[
          ["Assignments", `/workspaces/${workspaceId}/assignments`],
          [assignment.title, `/workspaces/${workspaceId}/assignments/${assignmentId}`],
        ]}
      />
      <p className="max-w-3xl text-sm text-stone-700">
        The key is what students are scored against after the due date or when you reveal. Highlight
        the documents yourself in the reader and add your highlights here, or copy a student&apos;s
        highlight (you get your own copy, so later edits by the student do not change the key).
        Students do not see instructors&apos; highlights on these documents until the key is
        released.
      </p>
      {documents.map((document) => (
        <section
          key={document.id}
          aria-labelledby={`key-${document.id}`}
          className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-stone-50 p-4"
          data-testid="key-document"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`key-${document.id}`} className="font-serif text-xl">
              {document.title}
            </h2>
            <Link
              href={`/workspaces/${workspaceId}/documents/${document.id}`}
              className="text-sm text-sky-800 underline"
            >
              Highlight in the reader
            </Link>
          </div>
          <div className="flex flex-col gap-2">
            <h3 className="font-semibold">In the key ({document.key.length})</h3>
            {document.key.length === 0 ? (
              <p className="text-sm text-stone-700">Nothing in the key for this document yet.</p>
            ) : (
              <ul className="flex flex-col gap-1" aria-label={`Key for ${document.title}`}>
                {document.key.map((item) => (
                  <Candidate key={item.id} item={item} labels={labels}>
                    <ActionButton
                      action={removeFromAnswerKeyAction}
                      fields={{ ...fields, annotationId: item.id }}
                      label="Remove from key"
                      ariaLabel={`Remove from key: “${item.exact.slice(0, 40)}”`}
                    />
                  </Candidate>
                ))}
              </ul>
            )}
          </div>
          <div className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold">
                Instructors&apos; highlights not in the key ({document.instructorHighlights.length})
              </h3>
              {document.instructorHighlights.some((item) => item.isOwn) ? (
                <ActionButton
                  action={addOwnHighlightsToKeyAction}
                  fields={{ ...fields, documentId: document.id }}
                  label="Add all my highlights"
                />
              ) : null}
            </div>
            {document.instructorHighlights.length > 0 ? (
              <ul className="flex flex-col gap-1">
                {document.instructorHighlights.map((item) => (
                  <Candidate key={item.id} item={item} labels={labels}>
                    <ActionButton
                      action={addToAnswerKeyAction}
                      fields={{ ...fields, annotationId: item.id }}
                      label="Add to key"
                      ariaLabel={`Add to key: “${item.exact.slice(0, 40)}”`}
                    />
                  </Candidate>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-stone-700">None.</p>
            )}
          </div>
          <details
            className="flex flex-col gap-2"
            open={document.studentHighlights.length > 0 && document.studentHighlights.length <= 30}
          >
            <summary className="cursor-pointer font-semibold">
              Students&apos; highlights ({document.studentHighlights.length})
            </summary>
            <ul className="mt-2 flex flex-col gap-1">
              {document.studentHighlights.map((item) => (
                <Candidate key={item.id} item={item} labels={labels}>
                  <ActionButton
                    action={copyToAnswerKeyAction}
                    fields={{ ...fields, annotationId: item.id }}
                    label="Copy to key"
                    ariaLabel={`Copy to key: “${item.exact.slice(0, 40)}” by ${item.authorName}`}
                  />
                </Candidate>
              ))}
            </ul>
          </details>
        </section>
      ))}
    </div>
  );
}
