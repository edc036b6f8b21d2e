// GET /api/v1/documents/[documentId]/threads — the discussion threads of a document
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { listThreads } from "@/lib/server/discussion/list-threads";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    return NextResponse.json(await listThreads({ userId: user.id, documentId }));
  } catch (error) {
    return errorResponse(error);
  }
}
