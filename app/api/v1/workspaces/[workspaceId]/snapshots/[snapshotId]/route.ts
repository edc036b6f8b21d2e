// GET /api/v1/workspaces/[workspaceId]/snapshots/[snapshotId] — download a dataset snapshot
// (a tar archive; the same bytes every time)
import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { downloadSnapshot } from "@/lib/server/export/download-snapshot";
import { contentDisposition } from "@/lib/server/export/export-http";

type Context = { params: Promise<{ workspaceId: string; snapshotId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const params = await context.params;
    const workspaceId = parseId(params.workspaceId, "This workspace");
    const { userId } = await requireApiCaller(request, { write: false, workspaceId });
    const snapshotId = parseId(params.snapshotId, "This snapshot");
    const download = await downloadSnapshot({ userId: userId, workspaceId, snapshotId });

    return new Response(download.stream, {
      headers: {
        "Content-Type": "application/x-tar",
        "Content-Length": String(download.byteSize),
        "Content-Disposition": contentDisposition(download.fileName),
        // Immutable bytes: the checksum is a strong validator (RFC 9110) and digest (RFC 9530).
        ETag: `"${download.checksum}"`,
        "Repr-Digest": `sha-256=:${Buffer.from(download.checksum, "hex").toString("base64")}:`,
        "Cache-Control": "private, no-cache",
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
