// POST /api/v1/workspaces/[workspaceId]/imports/bulk-preview — parse a JSONL or CSV file
// of articles (multipart `file`) and report every row, valid or not; writes nothing
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { readFormData } from "@/lib/http/read-form-data";
import { parseId } from "@/lib/http/route-params";
import { parseBulkArticles } from "@/lib/import/bulk-articles";
import { requireMembership } from "@/lib/server/workspace/require-membership";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ workspaceId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    await requireMembership({ userId: user.id, workspaceId, permission: "addDocument" });

    const form = await readFormData(request, limits.bulkFileMaxBytes, "This file");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose a JSONL or CSV file.", {
        file: ["Choose a file."],
      });
    }

    const result = parseBulkArticles(new Uint8Array(await file.arrayBuffer()), {
      fileName: file.name,
    });
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
