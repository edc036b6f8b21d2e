// GET /api/v1/documents/[documentId] — one document's text and metadata
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { getDocumentForMember } from "@/lib/server/document/get-document";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    const document = await getDocumentForMember({ userId: user.id, documentId });
    return NextResponse.json({ document, offsetUnit: "codepoint" });
  } catch (error) {
    return errorResponse(error);
  }
}
