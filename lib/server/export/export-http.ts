import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";
import {
  exportRequestSchema,
  readExportSearchParams,
  type ExportRequest,
} from "@/lib/validations/export";

// Helpers shared by the export and snapshot route handlers.

// `?format=…&dimension=…` validated like a JSON body: a 422 naming the first problem.
export function parseExportQuery(url: string): ExportRequest {
  const result = exportRequestSchema.safeParse(readExportSearchParams(new URL(url).searchParams));
  if (!result.success) {
    const first = result.error.issues[0];
    throw new AppError(
      "INVALID_INPUT",
      first ? first.message : "The export request is not valid.",
      zodToFieldErrors(result.error),
    );
  }
  return result.data;
}

// Where this instance is served, for the IRIs in W3C and ClaimReview exports: the
// configured public URL when there is one, else the address the request came to.
export function getExportBaseUrl(request: Request): string {
  return getEnv().NEXTAUTH_URL ?? new URL(request.url).origin;
}

// RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name (RFC 5987).
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
