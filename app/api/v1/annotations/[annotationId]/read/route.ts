// POST /api/v1/annotations/[annotationId]/read — clear a thread's unread marker
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { markThreadRead } from "@/lib/server/discussion/mark-thread-read";

type Context = { params: Promise<{ annotationId: string }> };

export async function POST(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    await markThreadRead({ userId: user.id, annotationId });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
