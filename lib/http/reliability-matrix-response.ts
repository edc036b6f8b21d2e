import "server-only";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import type { ProjectRef } from "@/lib/server/agreement/resolve-project";
import { getReliabilityMatrix } from "@/lib/server/agreement/get-reliability-matrix";

const notFoundNames: Record<ProjectRef["kind"], string> = {
  document: "This document",
  collection: "This collection",
  workspace: "This workspace",
};

// The one handler behind the three reliability-matrix routes (a document, a collection, the
// workspace): the session, the ids, then units × annotators as a CSV download.
export async function respondWithReliabilityMatrix(
  request: Request,
  kind: ProjectRef["kind"],
  rawId: string | undefined,
): Promise<Response> {
  try {
    const user = await requireSessionUser();
    const id = parseId(rawId, notFoundNames[kind]);
    const dimensionId = parseId(
      new URL(request.url).searchParams.get("dimension") ?? undefined,
      "This dimension",
    );
    const { csv, fileName } = await getReliabilityMatrix({
      userId: user.id,
      project: { kind, id },
      dimensionId,
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
