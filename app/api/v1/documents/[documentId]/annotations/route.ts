// GET/POST /api/v1/documents/[documentId]/annotations — list and create highlights
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import { runIdempotent, toJsonBody } from "@/lib/server/idempotency/run-idempotent";
import { listAnnotations } from "@/lib/server/annotation/list-annotations";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ documentId: string }> };

function answer(annotation: AnnotationView) {
  return { status: 201, body: toJsonBody({ annotation }) };
}

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
    const key = readIdempotencyKey(request);
    const scope = `${caller.userId} POST /documents/${documentId}/annotations`;
    return await runIdempotent({ scope, key, input, transactional: true }, async (record) => {
      const annotation = await createAnnotation({
        userId: caller.userId,
        documentId,
        input,
        onCreated: record && ((tx, created) => record(tx, answer(created))),
      });
      return answer(annotation);
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
