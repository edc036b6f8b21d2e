// GET /api/v1/documents/[documentId] — one document's text and metadata
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { getDocumentForMember } from "@/lib/server/document/get-document";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const documentId = parseId((await context.params).documentId, "This document");
    const caller = await requireApiCaller(request, { write: false, documentId });
    const document = await getDocumentForMember({ userId: caller.userId, documentId });
    return NextResponse.json({ document, offsetUnit: "codepoint" });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
