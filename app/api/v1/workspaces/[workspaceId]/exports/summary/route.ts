// GET /api/v1/workspaces/[workspaceId]/exports/summary?format=jsonl&… — what that export
// would hold (rows, documents, annotators, orphans left out), without writing it
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { getExportBaseUrl, parseExportQuery } from "@/lib/server/export/export-http";
import { summarizeExport } from "@/lib/server/export/summarize-export";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { userId } = await requireApiCaller(request, { write: false, workspaceId });
    const summary = await summarizeExport({
      userId: userId,
      workspaceId,
      request: parseExportQuery(request.url),
      baseUrl: getExportBaseUrl(request),
    });
    return NextResponse.json({ summary });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
