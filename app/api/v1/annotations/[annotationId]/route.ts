// PATCH/DELETE /api/v1/annotations/[annotationId] — edit or delete one's own highlight
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { updateAnnotationSchema } from "@/lib/validations/annotation";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ annotationId: string }> };

export async function PATCH(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const input = await readJson(request, updateAnnotationSchema, limits.annotationBodyMaxBytes);
    const annotation = await updateAnnotation({ userId: user.id, annotationId, input });
    return NextResponse.json({ annotation });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    await deleteAnnotation({ userId: user.id, annotationId });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
