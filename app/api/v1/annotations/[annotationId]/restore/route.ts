// POST /api/v1/annotations/[annotationId]/restore — undo the delete of one's own highlight
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { restoreAnnotation } from "@/lib/server/annotation/restore-annotation";

type Context = { params: Promise<{ annotationId: string }> };

export async function POST(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const annotation = await restoreAnnotation({ userId: user.id, annotationId });
    return NextResponse.json({ annotation });
  } catch (error) {
    return errorResponse(error);
  }
}
