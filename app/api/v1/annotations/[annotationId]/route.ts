// PATCH/DELETE /api/v1/annotations/[annotationId] — edit or delete one's own highlight
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { updateAnnotationSchema } from "@/lib/validations/annotation";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ annotationId: string }> };

export async function PATCH(request: Request, context: Context) {
  try {
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const caller = await requireApiCaller(request, { write: true, annotationId });
    const input = await readJson(request, updateAnnotationSchema, limits.annotationBodyMaxBytes);
    const annotation = await updateAnnotation({ userId: caller.userId, annotationId, input });
    return NextResponse.json({ annotation });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

export async function DELETE(request: Request, context: Context) {
  try {
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const caller = await requireApiCaller(request, { write: true, annotationId });
    await deleteAnnotation({ userId: caller.userId, annotationId });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
