// GET /api/v1/workspaces/[workspaceId]/exports?format=jsonl&… — download an export, streamed
// (filters as search parameters: see readExportSearchParams in lib/validations/export.ts)
import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import {
  contentDisposition,
  getExportBaseUrl,
  parseExportQuery,
} from "@/lib/server/export/export-http";
import { streamExport } from "@/lib/server/export/stream-export";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { userId } = await requireApiCaller(request, { write: false, workspaceId });
    const download = await streamExport({
      userId: userId,
      workspaceId,
      request: parseExportQuery(request.url),
      baseUrl: getExportBaseUrl(request),
    });

    return new Response(download.stream, {
      headers: {
        "Content-Type": download.mimeType,
        "Content-Disposition": contentDisposition(download.fileName),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
