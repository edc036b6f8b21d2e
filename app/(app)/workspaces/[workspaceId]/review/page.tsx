import { FilterSelect } from "@/components/ui/filter-select";
import type { Metadata } from "next";
import Link from "next/link";

import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { SubmissionStatusBadge } from "@/components/review/submission-status-badge";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { isTerminalStatus, submissionStatusNames } from "@/lib/review/submission-transitions";
import { listAdjudicationDocuments } from "@/lib/server/review/list-adjudication-documents";
import { listReviewQueue } from "@/lib/server/submission/list-review-queue";
import {
  reviewQueueAges,
  reviewQueueFilterSchema,
  submissionStatusSchema,
} from "@/lib/validations/submission";

import { AssignReviewerForm } from "@/components/review/assign-reviewer-form";

export const metadata: Metadata = { title: "Review" };

type ReviewPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const kindNames = { ARTICLE: "Article", AI_ANALYSIS: "AI analysis", SUBMISSION: "Draft" } as const;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

// The review queue: submissions filtered by status, assignee and age, with reviewer
// assignment for editors; and the documents waiting for adjudication into gold.
export default async function ReviewPage({ params, searchParams }: ReviewPageProps) {
  const user = await requireSessionUser();
  const workspaceId = await orNotFound(
    params.then((value) => parseId(value.workspaceId, "This workspace")),
  );
  const query = await searchParams;
  const raw = {
    status: single(query.status),
    assignee: single(query.assignee),
    age: single(query.age),
  };
  const parsed = reviewQueueFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const queue = await orNotFound(listReviewQueue({ userId: user.id, workspaceId, filter }));
  const adjudication = queue.isEditor
    ? await listAdjudicationDocuments({ userId: user.id, workspaceId })
    : [];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            <Link href="/workspaces" className="underline">
              Workspaces
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{queue.workspaceName}</h1>
        </div>
        {can(queue.role, "annotate") ? (
          <Link
            href={`/workspaces/${workspaceId}/review/new`}
            className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900"
          >
            New submission
          </Link>
        ) : null}
      </div>
      <WorkspaceNav workspaceId={workspaceId} role={queue.role} current="review" />

      <section aria-labelledby="queue-heading" className="flex flex-col gap-3">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {queue.isEditor ? "Review queue" : "Your submissions and reviews"}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the queue">
          <FilterSelect
            id="status"
            label="Status"
            value={filter.status}
            anyLabel="Any status"
            options={submissionStatusSchema.options.map((status) => ({
              value: status,
              label: submissionStatusNames[status].replace(/^./, (letter) => letter.toUpperCase()),
            }))}
          />
          <FilterSelect
            id="assignee"
            label="Reviewer"
            value={filter.assignee}
            anyLabel="Anyone"
            options={[
              { value: "me", label: "Me" },
              { value: "none", label: "Not assigned" },
              ...queue.reviewers.map((reviewer) => ({ value: reviewer.id, label: reviewer.name })),
            ]}
          />
          <FilterSelect
            id="age"
            label="Waiting"
            value={filter.age ? String(filter.age) : undefined}
            anyLabel="Any time"
            options={reviewQueueAges.map((days) => ({
              value: String(days),
              label: days === 1 ? "1 day or more" : `${days} days or more`,
            }))}
          />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {parsed.success ? null : (
            <p role="alert" className="text-sm text-red-800">
              {parsed.error.issues[0]?.message ?? "Those filters are not valid."} Showing everything
              instead.
            </p>
          )}
        </form>

        {queue.items.length === 0 ? (
          <p className="text-stone-700">
            Nothing in the queue
            {parsed.success && Object.keys(filter).length > 0 ? " with these filters" : ""}.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="review-queue">
              <caption className="sr-only">Submissions, oldest waiting first</caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="p-2">
                    Submission
                  </th>
                  <th scope="col" className="p-2">
                    Status
                  </th>
                  <th scope="col" className="p-2">
                    Contributor
                  </th>
                  <th scope="col" className="p-2">
                    Reviewer
                  </th>
                  <th scope="col" className="p-2">
                    Waiting
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => (
                  <tr
                    key={item.id}
                    className="border-b border-stone-200 align-top"
                    data-testid="queue-row"
                  >
                    <td className="p-2">
                      <Link
                        href={`/workspaces/${workspaceId}/documents/${item.id}/submission`}
                        className="font-medium text-sky-800 underline"
                      >
                        {item.title}
                      </Link>
                      <span className="block text-xs text-stone-600">
                        {kindNames[item.kind]}
                        {item.analysedDocument ? ` of “${item.analysedDocument.title}”` : ""}
                      </span>
                    </td>
                    <td className="p-2">
                      <SubmissionStatusBadge status={item.status} />
                    </td>
                    <td className="p-2">{item.createdBy.name}</td>
                    <td className="p-2">
                      {queue.isEditor &&
                      item.status !== "DRAFT" &&
                      !isTerminalStatus(item.status) ? (
                        <AssignReviewerForm
                          documentId={item.id}
                          reviewers={queue.reviewers.filter(
                            (reviewer) => reviewer.id !== item.createdBy.id,
                          )}
                          currentReviewerId={item.reviewer?.id ?? null}
                          title={item.title}
                          compact
                        />
                      ) : (
                        (item.reviewer?.name ?? "—")
                      )}
                    </td>
                    <td className="p-2">
                      <time dateTime={item.waitingSince}>
                        {item.waitingDays === 0
                          ? "today"
                          : `${item.waitingDays} day${item.waitingDays === 1 ? "" : "s"}`}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {queue.isTruncated ? (
          <p className="text-sm text-stone-700">
            Showing the first 500; narrow the filters to see the rest.
          </p>
        ) : null}
      </section>

      {queue.isEditor ? (
        <section aria-labelledby="adjudication-heading" className="flex flex-col gap-2">
          <h2 id="adjudication-heading" className="text-lg font-semibold">
            Adjudication into gold
          </h2>
          {adjudication.length === 0 ? (
            <p className="text-stone-700">
              No document has highlights from two or more people yet.
            </p>
          ) : (
            <ul className="flex flex-col gap-2">
              {adjudication.map((entry) => (
                <li
                  key={entry.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-300 bg-white p-3 text-sm"
                >
                  <span>
                    <span className="font-medium">{entry.title}</span>
                    <span className="block text-xs text-stone-600">
                      {entry.annotators} annotators · {entry.pending} highlights not reviewed ·{" "}
                      {entry.gold} in the gold set
                    </span>
                  </span>
                  <Link
                    href={`/workspaces/${workspaceId}/review/adjudicate/${entry.id}`}
                    className="rounded-md border border-stone-400 px-3 py-1.5 font-medium hover:bg-stone-100"
                  >
                    Adjudicate<span className="sr-only"> “{entry.title}”</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
