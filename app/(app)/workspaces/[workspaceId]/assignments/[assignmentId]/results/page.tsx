import type { Metadata } from "next";

import { ClassPageHeader } from "@/components/classes/class-page-header";
import { LabelChips } from "@/components/classes/label-chips";
import { LocalDateTime } from "@/components/classes/local-date-time";
import { ScoreTable } from "@/components/classes/score-table";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getAssignmentResults } from "@/lib/server/assignment/get-assignment-results";

import { assertSameWorkspace, readAssignmentParams } from "../../_lib/assignment-params";

export const metadata: Metadata = { title: "Results" };

type ResultsPageProps = {
  params: Promise<{ workspaceId: string; assignmentId: string }>;
  searchParams: Promise<{ student?: string }>;
};

export default async function ResultsPage({ params, searchParams }: ResultsPageProps) {
  const user = await requireSessionUser();
  const { workspaceId, assignmentId } = await readAssignmentParams(params);
  const { student } = await searchParams;
  const studentId = student
    ? await orNotFound(Promise.resolve().then(() => parseId(student, "This student")))
    : undefined;
  const results = await orNotFound(
    getAssignmentResults({ userId: user.id, assignmentId, studentId }),
  );
  assertSameWorkspace(results.assignment.workspaceId, workspaceId);
  const { assignment } = results;
  const whose = results.isInstructor ? results.studentName : "your";

  return (
    <div className="flex flex-col gap-6">
      <ClassPageHeader
        workspaceId={workspaceId}
        workspaceName={assignment.workspaceName}
        role={assignment.role}
        current="assignments"
        title={results.isInstructor ? `Results of ${results.studentName}` : "Your results"}
        trail={[
          ["Assignments", `/workspaces/${workspaceId}/assignments`],
          [assignment.title, `/workspaces/${workspaceId}/assignments/${assignmentId}`],
        ]}
      />
      {!results.released ? (
        <p role="status" className="rounded-md border border-stone-300 bg-white p-3">
          The answer key is not out yet. You will see how your highlights compare with it{" "}
          {assignment.dueAt ? (
            <>
              after the due date (<LocalDateTime value={assignment.dueAt} />) or{" "}
            </>
          ) : null}
          when your instructor reveals the highlights.
        </p>
      ) : results.keyCount === 0 ? (
        <p role="status" className="rounded-md border border-stone-300 bg-white p-3">
          This assignment has no answer key, so there is nothing to compare{" "}
          {whose === "your" ? "your" : `${whose}'s`} highlights with.
        </p>
      ) : (
        <>
          <ScoreTable
            caption="All documents"
            exact={results.totals.exact}
            overlap={results.totals.overlap}
            labelled={results.totals.labelled}
          />
          {results.documents.map((document) => {
            const c = document.comparison;
            return (
              <section
                key={document.id}
                aria-labelledby={`result-${document.id}`}
                className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
                data-testid="document-result"
              >
                <h2 id={`result-${document.id}`} className="font-serif text-xl">
                  {document.title}
                </h2>
                <p className="text-sm" data-testid="result-counts">
                  {c.pairs.length} matched · {c.missedKeyIds.length} missed ·{" "}
                  {c.extraStudentIds.length} extra · labels agree on {c.labelAgreement.identical} of{" "}
                  {c.labelAgreement.pairs} matched
                </p>
                <ScoreTable
                  caption="This document"
                  exact={c.exact}
                  overlap={c.overlap}
                  labelled={c.labelled}
                />
                <div className="grid gap-4 md:grid-cols-3">
                  <div>
                    <h3 className="font-semibold">Matched ({c.pairs.length})</h3>
                    <ul className="flex flex-col gap-2 text-sm">
                      {c.pairs.map((pair) => {
                        const mine = document.student.get(pair.studentId);
                        const key = document.key.get(pair.keyId);
                        return (
                          <li
                            key={pair.keyId}
                            className="rounded-md border border-emerald-700 bg-emerald-50 p-2"
                            data-testid="matched"
                          >
                            <p className="font-serif">“{mine?.exact}”</p>
                            <p className="text-xs">
                              {pair.kind === "exact"
                                ? "Exact match"
                                : `Overlaps the key's “${key?.exact}”`}{" "}
                              · {pair.labelsEqual ? "same labels" : "different labels"}
                            </p>
                            <p className="flex flex-wrap items-center gap-1 text-xs">
                              Key:{" "}
                              <LabelChips labelIds={key?.labelIds ?? []} labels={results.labels} />
                            </p>
                            {!pair.labelsEqual ? (
                              <p className="flex flex-wrap items-center gap-1 text-xs">
                                {whose === "your" ? "You" : results.studentName}:{" "}
                                <LabelChips
                                  labelIds={mine?.labelIds ?? []}
                                  labels={results.labels}
                                />
                              </p>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                  <div>
                    <h3 className="font-semibold">Missed ({c.missedKeyIds.length})</h3>
                    <ul className="flex flex-col gap-2 text-sm">
                      {c.missedKeyIds.map((id) => {
                        const key = document.key.get(id);
                        return (
                          <li
                            key={id}
                            className="rounded-md border border-amber-600 bg-amber-50 p-2"
                            data-testid="missed"
                          >
                            <p className="font-serif">“{key?.exact}”</p>
                            <LabelChips labelIds={key?.labelIds ?? []} labels={results.labels} />
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                  <div>
                    <h3 className="font-semibold">Extra ({c.extraStudentIds.length})</h3>
                    <ul className="flex flex-col gap-2 text-sm">
                      {c.extraStudentIds.map((id) => {
                        const mine = document.student.get(id);
                        return (
                          <li
                            key={id}
                            className="rounded-md border border-stone-300 bg-stone-50 p-2"
                            data-testid="extra"
                          >
                            <p className="font-serif">“{mine?.exact}”</p>
                            <LabelChips labelIds={mine?.labelIds ?? []} labels={results.labels} />
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
