import "server-only";

import { AppError, forbidden } from "@/lib/errors/app-error";
import type { TransitionCheck } from "@/lib/review/submission-transitions";

// A refused step as an AppError: someone else's step or a forbidden self-approval is
// 403, a step out of order is 409 (the submission is not in that state), a missing
// reason is 422 on the message field.
export function transitionError(check: Extract<TransitionCheck, { ok: false }>): AppError {
  switch (check.reason) {
    case "FORBIDDEN":
    case "SELF_APPROVAL":
      return forbidden(check.message);
    case "OUT_OF_ORDER":
      return new AppError("CONFLICT", check.message);
    case "MESSAGE_REQUIRED":
      return new AppError("INVALID_INPUT", check.message, { message: [check.message] });
  }
}
