import type { SubmissionStatus } from "@/lib/db/generated/enums";
import { submissionStatusNames } from "@/lib/review/submission-transitions";

const tones: Record<SubmissionStatus, string> = {
  DRAFT: "border-stone-400 bg-stone-100 text-stone-800",
  SUBMITTED: "border-sky-700 bg-sky-50 text-sky-900",
  IN_REVIEW: "border-indigo-700 bg-indigo-50 text-indigo-900",
  CHANGES_REQUESTED: "border-amber-700 bg-amber-50 text-amber-900",
  RESUBMITTED: "border-sky-700 bg-sky-50 text-sky-900",
  APPROVED: "border-emerald-700 bg-emerald-50 text-emerald-900",
  REJECTED: "border-red-700 bg-red-50 text-red-900",
};

// The status in words; the colour only repeats it.
export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tones[status]}`}
      data-testid="submission-status"
    >
      {submissionStatusNames[status].replace(/^./, (letter) => letter.toUpperCase())}
    </span>
  );
}
