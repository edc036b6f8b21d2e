import "server-only";

import { AppError } from "@/lib/errors/app-error";
import { validateCodebookFile, type CodebookFile } from "@/lib/validations/codebook";

// A label operation must leave a valid codebook (keys, shortcuts, parents, scales); if it
// would not, it is refused with the problems, and nothing is written.
export function assertValidCodebookFile(file: CodebookFile): CodebookFile {
  const result = validateCodebookFile(file);

  if (!result.ok) {
    throw new AppError(
      "INVALID_INPUT",
      `That change would leave the codebook invalid: ${result.problems
        .map((entry) => `${entry.location}: ${entry.message}`)
        .join(" ")} Nothing was changed.`,
    );
  }

  return result.codebook;
}
