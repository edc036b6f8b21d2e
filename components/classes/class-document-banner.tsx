import Link from "next/link";

import { LocalDateTime } from "./local-date-time";

type ClassDocumentBannerProps = {
  workspaceId: string;
  isInstructor: boolean;
  info: {
    assignments: {
      id: string;
      title: string;
      mode: "OPEN" | "BLIND" | "REVEALED";
      dueAt: Date | null;
      isSubmitted: boolean;
    }[];
    lock: { title: string; submittedAt: Date } | null;
  };
};

const modeText = {
  OPEN: "open: everyone sees everyone's highlights as they are made",
  BLIND: "blind: students see only their own highlights until they hand in",
  REVEALED: "revealed: every highlight is open to the class",
} as const;

// Above the reader: which assignments this document belongs to, what the mode means for
// the reader, and why highlighting is closed after a hand-in.
export function ClassDocumentBanner({ workspaceId, isInstructor, info }: ClassDocumentBannerProps) {
  if (info.assignments.length === 0) {
    return null;
  }

  return (
    <section
      aria-label="Assignment"
      className="flex flex-col gap-1 rounded-md border border-sky-800 bg-sky-50 p-3 text-sm"
      data-testid="assignment-banner"
    >
      {info.assignments.map((assignment) => (
        <p key={assignment.id}>
          Part of{" "}
          <Link
            href={`/workspaces/${workspaceId}/assignments/${assignment.id}`}
            className="font-semibold underline"
          >
            {assignment.title}
          </Link>{" "}
          ({modeText[assignment.mode]})
          {assignment.dueAt ? (
            <>
              {" "}
              · due <LocalDateTime value={assignment.dueAt} />
            </>
          ) : null}
          {!isInstructor && assignment.mode === "BLIND" && !assignment.isSubmitted
            ? ". You see only your own highlights for now."
            : ""}
        </p>
      ))}
      {info.lock ? (
        <p className="font-medium" role="note" data-testid="handed-in-note">
          You handed in “{info.lock.title}” on <LocalDateTime value={info.lock.submittedAt} />. Your
          highlights here are final unless your instructor reopens it; you can still read and
          discuss.
        </p>
      ) : null}
    </section>
  );
}
