// GET /workspaces/[workspaceId]/codebooks/[codebookId]/export — download a codebook
// version as a JSON file (docs/codebooks.md)
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { exportCodebook } from "@/lib/server/codebook/export-codebook";

type Context = { params: Promise<{ workspaceId: string; codebookId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const params = await context.params;
    const workspaceId = parseId(params.workspaceId, "This workspace");
    const codebookId = parseId(params.codebookId, "This codebook");
    const {
      fileName,
      workspaceId: owner,
      file,
    } = await exportCodebook({
      userId: user.id,
      codebookId,
    });
    if (owner !== workspaceId) {
      throw notFound("This codebook");
    }

    return new NextResponse(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
