// POST /api/v1/workspaces/[workspaceId]/imports/bulk-preview — parse a JSONL or CSV file
// of articles, or a zip of .txt/.md/.html files (multipart `file`), and report every row
// or entry, valid or not; writes nothing
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { AppError } from "@/lib/errors/app-error";
import { readFormData } from "@/lib/http/read-form-data";
import { parseId } from "@/lib/http/route-params";
import { parseBulkArticles } from "@/lib/import/bulk-articles";
import { isZipFile, parseZipArticles } from "@/lib/import/zip-articles";
import { requireMembership } from "@/lib/server/workspace/require-membership";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ workspaceId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: true, workspaceId });
    await requireMembership({ userId: caller.userId, workspaceId, permission: "addDocument" });

    const form = await readFormData(
      request,
      Math.max(limits.bulkFileMaxBytes, limits.zipFileMaxBytes),
      "This file",
    );
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose a JSONL, CSV or zip file.", {
        file: ["Choose a file."],
      });
    }

    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = isZipFile(bytes, file.name)
      ? parseZipArticles(bytes, { fileName: file.name })
      : parseBulkArticles(bytes, { fileName: file.name });
    return NextResponse.json(result);
  } catch (error) {
    return apiErrorResponse(error);
  }
}
