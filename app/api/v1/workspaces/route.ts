// GET /api/v1/workspaces — a page of the caller's workspaces (a token: its own workspace)
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { readPageRequest } from "@/lib/api/pagination";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { listWorkspacesPage } from "@/lib/server/api-token/list-workspaces-page";

export async function GET(request: Request) {
  try {
    const caller = await requireApiCaller(request, { write: false });
    const page = readPageRequest(request);
    return NextResponse.json(
      await listWorkspacesPage({
        userId: caller.userId,
        page,
        onlyWorkspaceId: caller.tokenWorkspaceId,
      }),
    );
  } catch (error) {
    return apiErrorResponse(error);
  }
}
