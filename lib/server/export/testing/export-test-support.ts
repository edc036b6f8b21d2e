// Helpers for the export integration tests: highlights made through the real server
// functions, and export requests parsed by the same schema as the API.
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import {
  exportRequestSchema,
  type ExportFiltersInput,
  type ExportRequest,
} from "@/lib/validations/export";

import { streamExport } from "../stream-export";

export const testBaseUrl = "https://framewise.example.org";

// Code-point offsets of the n-th occurrence of `phrase`, as the reader would send them.
export function spanOf(text: string, phrase: string, occurrence = 0) {
  let at = -1;
  for (let index = 0; index <= occurrence; index += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) {
      throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
    }
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length, exact: phrase };
}

export async function annotate(options: {
  userId: string;
  documentId: string;
  text: string;
  phrase: string;
  labelIds?: string[];
  comment?: string;
  occurrence?: number;
  origin?: "PERSON" | "SUGGESTION";
}) {
  return createAnnotation({
    userId: options.userId,
    documentId: options.documentId,
    input: createAnnotationSchema.parse({
      ...spanOf(options.text, options.phrase, options.occurrence),
      labelIds: options.labelIds ?? [],
      comment: options.comment ?? "",
      origin: options.origin ?? "PERSON",
      ...(options.origin === "SUGGESTION" ? { suggestionRule: "test-rule" } : {}),
    }),
  });
}

export function exportRequest(
  format: ExportRequest["format"],
  filters: ExportFiltersInput = {},
  realNames = false,
): ExportRequest {
  return exportRequestSchema.parse({ format, filters, realNames });
}

export async function exportText(userId: string, workspaceId: string, request: ExportRequest) {
  const download = await streamExport({ userId, workspaceId, request, baseUrl: testBaseUrl });
  return { ...download, text: await new Response(download.stream).text() };
}
