import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DocumentSections } from "@/components/review/document-sections";
import { SubmissionStatusBadge } from "@/components/review/submission-status-badge";
import { can } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import {
  availableActions,
  isTerminalStatus,
  submissionStatusNames,
} from "@/lib/review/submission-transitions";
import { getSubmission } from "@/lib/server/submission/get-submission";

import { AssignReviewerForm } from "@/components/review/assign-reviewer-form";
import { ResubmitForm } from "./_components/resubmit-form";
import { SubmissionStepForm } from "./_components/submission-step-form";

export const metadata: Metadata = { title: "Submission" };

type SubmissionPageProps = {
  params: Promise<{ workspaceId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const kindNames = {
  ARTICLE: "Article",
  AI_ANALYSIS: "AI-generated analysis",
  SUBMISSION: "Article draft",
} as const;

function count(value: string | string[] | undefined): number {
  const parsed = Number(typeof value === "string" ? value : "0");
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function SubmissionPage({ params, searchParams }: SubmissionPageProps) {
  const user = await requireSessionUser();
  const raw = await params;
  const [workspaceId, documentId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(raw.workspaceId, "This workspace"),
          parseId(raw.documentId, "This document"),
        ] as const,
    ),
  );
  const submission = await orNotFound(getSubmission({ userId: user.id, documentId }));
  if (submission.workspaceId !== workspaceId) {
    notFound();
  }
  const query = await searchParams;

  const status = submission.submissionStatus ?? "DRAFT";
  const actor = {
    role: submission.role,
    isAuthor: submission.createdBy.id === user.id,
    isReviewer: submission.reviewer?.id === user.id,
  };
  const actions = availableActions({
    from: submission.submissionStatus,
    actor,
    allowSelfApproval: submission.allowSelfApproval,
  });
  const stepActions = actions.filter((action) => action !== "resubmit");
  const isDecision = stepActions.some(
    (action) => action === "approve" || action === "requestChanges",
  );
  const isEditor = can(submission.role, "manageReview");
  const documentPath = `/workspaces/${workspaceId}/documents/${documentId}`;

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-stone-600">
          <Link href={`/workspaces/${workspaceId}`} className="underline">
            {submission.workspaceName}
          </Link>{" "}
          /{" "}
          <Link href={`/workspaces/${workspaceId}/review`} className="underline">
            Review
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold">{submission.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <SubmissionStatusBadge status={status} />
          <span>{kindNames[submission.kind]}</span>
          <span>· by {submission.createdBy.name}</span>
          <span>· version {submission.version}</span>
          <span>· reviewer: {submission.reviewer?.name ?? "not assigned yet"}</span>
        </p>
      </header>
      <DocumentSections
        workspaceId={workspaceId}
        documentId={documentId}
        userId={user.id}
        current="submission"
      />

      {query.done === "resubmitted" ? (
        <div
          role="status"
          className="flex flex-col gap-1 rounded-md border border-sky-800 bg-sky-50 p-2 text-sm"
          data-testid="resubmitted"
        >
          <p>
            Resubmitted as version {count(query.version)}. Highlights: {count(query.unchanged)}{" "}
            unchanged, {count(query.moved)} moved to match the new text, {count(query.orphaned)}{" "}
            orphaned
            {count(query.orphaned) > 0 ? " (listed beside the text to re-attach or delete)" : ""}.
          </p>
          {count(query.version) > 1 ? (
            <p>
              <Link
                href={`${documentPath}/versions?from=${count(query.version) - 1}&to=${count(query.version)}`}
                className="text-sky-800 underline"
              >
                Compare versions {count(query.version) - 1} and {count(query.version)}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {query.done === "created" ? (
        <p role="status" className="rounded-md border border-sky-800 bg-sky-50 p-2 text-sm">
          Draft saved. Read it over, then submit it for review when it is ready.
        </p>
      ) : null}

      {submission.kind === "AI_ANALYSIS" ? (
        <section
          aria-labelledby="provenance-heading"
          className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
        >
          <h2 id="provenance-heading" className="text-lg font-semibold">
            Provenance
          </h2>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">Analyses</dt>
            <dd>
              {submission.analysedDocument ? (
                <Link
                  href={`/workspaces/${workspaceId}/documents/${submission.analysedDocument.id}`}
                  className="text-sky-800 underline"
                >
                  {submission.analysedDocument.title}
                </Link>
              ) : (
                "The article was deleted."
              )}
            </dd>
            <dt className="font-medium">Model or tool</dt>
            <dd>{submission.provenanceModel ?? "Not stated"}</dd>
            <dt className="font-medium">Date</dt>
            <dd>{submission.provenanceDate?.toISOString().slice(0, 10) ?? "Not stated"}</dd>
            <dt className="font-medium">Prompt</dt>
            <dd className="whitespace-pre-wrap">{submission.provenancePrompt ?? "Not known"}</dd>
          </dl>
          {submission.analysedDocument ? (
            <p>
              <Link
                href={`${documentPath}/compare`}
                className="text-sm font-medium text-sky-800 underline"
              >
                Open the analysis and its article side by side
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex flex-col gap-5">
          {stepActions.length > 0 ? (
            <SubmissionStepForm
              documentId={documentId}
              actions={stepActions}
              heading={isDecision ? "Your review" : "Next step"}
              legend={isDecision ? "Overall verdict" : "Step"}
            />
          ) : null}
          {actions.includes("resubmit") ? (
            <section
              aria-labelledby="revise-heading"
              className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
            >
              <h2 id="revise-heading" className="text-lg font-semibold">
                Revise and resubmit
              </h2>
              <ResubmitForm
                documentId={documentId}
                version={submission.version}
                title={submission.title}
                text={submission.text}
                submissionPath={`${documentPath}/submission`}
              />
            </section>
          ) : null}
          {isEditor && status !== "DRAFT" && !isTerminalStatus(status) ? (
            <section
              aria-labelledby="assign-heading"
              className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
            >
              <h2 id="assign-heading" className="text-lg font-semibold">
                Reviewer
              </h2>
              <AssignReviewerForm
                documentId={documentId}
                reviewers={submission.reviewers}
                currentReviewerId={submission.reviewer?.id ?? null}
              />
            </section>
          ) : null}
          {stepActions.length === 0 && !actions.includes("resubmit") ? (
            <p className="text-sm text-stone-700">
              {isTerminalStatus(status)
                ? `This submission is ${submissionStatusNames[status]}; its review is finished.`
                : "Nothing to do here for you right now; you will get a notification when that changes."}
            </p>
          ) : null}
          <p className="text-sm">
            <Link href={documentPath} className="text-sky-800 underline">
              Read and highlight the text with the codebook
            </Link>
            {submission.version > 1 ? (
              <>
                {" · "}
                <Link href={`${documentPath}/versions`} className="text-sky-800 underline">
                  Compare versions
                </Link>
              </>
            ) : null}
          </p>
        </div>

        <section aria-labelledby="timeline-heading" className="flex flex-col gap-2">
          <h2 id="timeline-heading" className="text-lg font-semibold">
            History of this submission
          </h2>
          <ol className="flex flex-col gap-2" data-testid="submission-timeline">
            {submission.submissionEvents.map((event) => (
              <li
                key={event.id}
                className="rounded-md border border-stone-300 bg-white p-2 text-sm"
              >
                <p>
                  <strong>{event.actor?.name ?? "Someone"}</strong>:{" "}
                  {event.fromStatus && event.fromStatus !== event.toStatus
                    ? `${submissionStatusNames[event.fromStatus]} → ${submissionStatusNames[event.toStatus]}`
                    : submissionStatusNames[event.toStatus]}
                </p>
                <p className="text-xs text-stone-600">
                  <time dateTime={event.createdAt.toISOString()}>
                    {dateTime.format(event.createdAt)} UTC
                  </time>
                </p>
                {event.message ? <p className="mt-1 whitespace-pre-wrap">{event.message}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
