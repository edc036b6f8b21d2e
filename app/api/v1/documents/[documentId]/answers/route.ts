// GET/PUT /api/v1/documents/[documentId]/answers — whole-document answers: list, save your own
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { listDocumentAnswers } from "@/lib/server/document-answer/list-document-answers";
import { saveDocumentAnswer } from "@/lib/server/document-answer/save-document-answer";
import { saveDocumentAnswerSchema } from "@/lib/validations/document-answer";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const documentId = parseId((await context.params).documentId, "This document");
    const caller = await requireApiCaller(request, { write: false, documentId });
    const answers = await listDocumentAnswers({ userId: caller.userId, documentId });
    return NextResponse.json({ answers });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

export async function PUT(request: Request, context: Context) {
  try {
    const documentId = parseId((await context.params).documentId, "This document");
    const caller = await requireApiCaller(request, { write: true, documentId });
    const input = await readJson(request, saveDocumentAnswerSchema, limits.annotationBodyMaxBytes);
    const answer = await saveDocumentAnswer({ userId: caller.userId, documentId, input });
    return NextResponse.json({ answer });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
