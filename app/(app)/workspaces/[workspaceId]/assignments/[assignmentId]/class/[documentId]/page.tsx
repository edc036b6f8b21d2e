import type { Metadata } from "next";
import Link from "next/link";

import { ClassPageHeader } from "@/components/classes/class-page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getClassView } from "@/lib/server/assignment/get-class-view";

import { assertSameWorkspace, readAssignmentParams } from "../../../_lib/assignment-params";

export const metadata: Metadata = { title: "Class view" };

type ClassViewPageProps = {
  params: Promise<{ workspaceId: string; assignmentId: string; documentId: string }>;
};

function percent(value: number) {
  return `${Math.round(value * 100)}%`;
}

export default async function ClassViewPage({ params }: ClassViewPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const documentId = await orNotFound(
    params.then((value) => parseId(value.documentId, "This document")),
  );
  const view = await orNotFound(getClassView({ userId: user.id, assignmentId, documentId }));
  assertSameWorkspace(view.assignment.workspaceId, workspaceId);
  const hottest = Math.max(1, ...view.segments.map((segment) => segment.students));

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={view.assignment.workspaceName}
        role={view.assignment.role}
        current="assignments"
        title={`Class view: ${view.document.title}`}
        trail={[
          ["Assignments", `/workspaces/${workspaceId}/assignments`],
          [view.assignment.title, `/workspaces/${workspaceId}/assignments/${assignmentId}`],
        ]}
      />
      <p className="max-w-3xl text-sm text-stone-700">
        {view.classSize} student{view.classSize === 1 ? "" : "s"} highlighted this article. Passages
        are listed hottest disagreement first: the class split between marking and not marking a
        passage, or between labels. Disagreement is 1 − Σ p² over the students&apos; choices (0:
        everyone did the same). Your own highlights are left out.{" "}
        <Link
          href={`/workspaces/${workspaceId}/documents/${documentId}`}
          className="text-sky-800 underline"
        >
          Open the reader
        </Link>
        .
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <section aria-labelledby="heat-heading" className="flex flex-col gap-2">
          <h2 id="heat-heading" className="text-lg font-semibold">
            Where the class marked
          </h2>
          <p className="text-xs text-stone-600">Darker: more students highlighted it.</p>
          <div
            className="rounded-lg border border-stone-300 bg-white p-4 font-serif leading-relaxed whitespace-pre-wrap"
            data-testid="class-heat"
          >
            {view.segments.map((segment) =>
              segment.students === 0 ? (
                <span key={segment.start}>{segment.text}</span>
              ) : (
                <mark
                  key={segment.start}
                  title={`${segment.students} of ${view.classSize} students`}
                  style={{
                    backgroundColor: `rgba(234, 88, 12, ${0.15 + (0.65 * segment.students) / hottest})`,
                  }}
                  className="rounded-sm text-stone-950"
                  data-students={segment.students}
                >
                  {segment.text}
                  <span className="sr-only">
                    {" "}
                    ({segment.students} of {view.classSize} students)
                  </span>
                </mark>
              ),
            )}
          </div>
        </section>
        <section aria-labelledby="passages-heading" className="flex flex-col gap-2">
          <h2 id="passages-heading" className="text-lg font-semibold">
            Passages, hottest disagreement first
          </h2>
          {view.passages.length === 0 ? (
            <p className="text-sm text-stone-700">No student has highlighted this article yet.</p>
          ) : (
            <ol className="flex flex-col gap-2" aria-label="Passages">
              {view.passages.map((passage) => (
                <li
                  key={passage.start}
                  className="flex flex-col gap-1 rounded-md border border-stone-300 bg-white p-3 text-sm"
                  data-testid="class-passage"
                >
                  <p className="font-serif">
                    “
                    {passage.quote.length > 160 ? `${passage.quote.slice(0, 160)}…` : passage.quote}
                    ”
                  </p>
                  <p>
                    <strong>{passage.studentIds.length}</strong> of {view.classSize} students ·
                    disagreement{" "}
                    <strong data-testid="passage-disagreement">
                      {percent(passage.disagreement)}
                    </strong>
                  </p>
                  <ul className="flex flex-col text-xs text-stone-700" aria-label="Labels given">
                    {passage.labelCounts.map((count) => {
                      const label = view.labels.get(count.labelId);
                      return (
                        <li key={count.labelId}>
                          {label ? `${label.dimensionName}: ${label.name}` : "Unknown label"} —{" "}
                          {count.students} student
                          {count.students === 1 ? "" : "s"}
                        </li>
                      );
                    })}
                    {passage.unlabelled > 0 ? <li>No label — {passage.unlabelled}</li> : null}
                  </ul>
                  <p className="text-xs text-stone-600">By {passage.studentNames.join(", ")}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
