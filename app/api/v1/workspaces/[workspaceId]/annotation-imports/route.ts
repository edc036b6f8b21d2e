// POST /api/v1/workspaces/[workspaceId]/annotation-imports — check (dry run, the default)
// or import a JSONL or W3C file of highlights into the workspace's documents
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";
import { readFormData } from "@/lib/http/read-form-data";
import { parseId } from "@/lib/http/route-params";
import { importAnnotations } from "@/lib/server/annotation-import/import-annotations";
import { annotationImportOptionsSchema } from "@/lib/validations/annotation-import";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ workspaceId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: true, workspaceId });

    const form = await readFormData(
      request,
      limits.annotationImportMaxBytes,
      "This annotation file",
    );
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose a JSONL or W3C JSON-LD file of annotations.", {
        file: ["Choose a file."],
      });
    }

    const fields = Object.fromEntries(
      [...form.entries()].filter(
        (entry): entry is [string, string] => entry[0] !== "file" && typeof entry[1] === "string",
      ),
    );
    const parsed = annotationImportOptionsSchema.safeParse(fields);
    if (!parsed.success) {
      throw new AppError(
        "INVALID_INPUT",
        parsed.error.issues[0]?.message ?? "The import options are not valid.",
        zodToFieldErrors(parsed.error),
      );
    }

    const report = await importAnnotations({
      userId: caller.userId,
      workspaceId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      options: parsed.data,
    });
    return NextResponse.json(report, { status: report.applied ? 201 : 200 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
