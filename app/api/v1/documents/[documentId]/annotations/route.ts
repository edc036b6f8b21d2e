// GET/POST /api/v1/documents/[documentId]/annotations — list and create highlights
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { listAnnotations } from "@/lib/server/annotation/list-annotations";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    const annotations = await listAnnotations({ userId: user.id, documentId });
    return NextResponse.json({ annotations });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    const input = await readJson(request, createAnnotationSchema, limits.annotationBodyMaxBytes);
    const annotation = await createAnnotation({ userId: user.id, documentId, input });
    return NextResponse.json({ annotation }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
