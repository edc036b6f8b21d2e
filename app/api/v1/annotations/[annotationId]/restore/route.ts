// POST /api/v1/annotations/[annotationId]/restore — undo the delete of one's own highlight
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { restoreAnnotation } from "@/lib/server/annotation/restore-annotation";

type Context = { params: Promise<{ annotationId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const caller = await requireApiCaller(request, { write: true, annotationId });
    const annotation = await restoreAnnotation({ userId: caller.userId, annotationId });
    return NextResponse.json({ annotation });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
