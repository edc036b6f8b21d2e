// A time budget for long computations: callers check it between steps, and a step past the
// budget stops the work with a message instead of keeping a person (and a server thread)
// waiting. Steps are bounded on their own (at most 100 annotators per document), so the
// overshoot is one step.

export class DeadlineExceededError extends Error {
  constructor(readonly budgetMs: number) {
    super(
      `Computing this took longer than ${Math.round(budgetMs / 1000)} seconds, so it was stopped. Try one dimension or fewer documents, or download the reliability matrix and compute it offline.`,
    );
    this.name = "DeadlineExceededError";
  }
}

export type Deadline = { check: () => void; budgetMs: number };

export const defaultBudgetMs = 5_000;

export function createDeadline(
  budgetMs = defaultBudgetMs,
  now: () => number = () => performance.now(),
): Deadline {
  const endsAt = now() + budgetMs;

  return {
    budgetMs,
    check() {
      if (now() > endsAt) {
        throw new DeadlineExceededError(budgetMs);
      }
    },
  };
}

// The most annotators one document's agreement is computed for; pairwise figures grow with
// the square of it.
export const maxAgreementAnnotators = 100;

export function describeTooManyAnnotators(annotators: number): string {
  return `This document has ${annotators} annotators; agreement is computed here for at most ${maxAgreementAnnotators} (pairwise figures grow with the square of the number). Download the reliability matrix and compute it offline, or ask fewer people to annotate each document.`;
}
