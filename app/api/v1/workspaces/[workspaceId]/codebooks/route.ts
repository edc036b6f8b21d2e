// GET /api/v1/workspaces/[workspaceId]/codebooks — a page of codebooks with their
// dimensions and labels
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { readPageRequest } from "@/lib/api/pagination";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { listCodebooksPage } from "@/lib/server/api-token/list-codebooks-page";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: false, workspaceId });
    const page = readPageRequest(request);
    return NextResponse.json(await listCodebooksPage({ userId: caller.userId, workspaceId, page }));
  } catch (error) {
    return apiErrorResponse(error);
  }
}
