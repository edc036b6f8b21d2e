// GET/POST /api/v1/documents/[documentId]/annotations — list and create highlights
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { listAnnotations } from "@/lib/server/annotation/list-annotations";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const documentId = parseId((await context.params).documentId, "This document");
    const caller = await requireApiCaller(request, { write: false, documentId });
    const annotations = await listAnnotations({ userId: caller.userId, documentId });
    return NextResponse.json({ annotations });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const documentId = parseId((await context.params).documentId, "This document");
    const caller = await requireApiCaller(request, { write: true, documentId });
    const input = await readJson(request, createAnnotationSchema, limits.annotationBodyMaxBytes);
    const annotation = await createAnnotation({ userId: caller.userId, documentId, input });
    return NextResponse.json({ annotation }, { status: 201 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
