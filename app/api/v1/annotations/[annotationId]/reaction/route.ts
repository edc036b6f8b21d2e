// POST /api/v1/annotations/[annotationId]/reaction — agree, disagree or take a reaction back
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { setReaction } from "@/lib/server/discussion/set-reaction";
import { reactionSchema } from "@/lib/validations/discussion";

type Context = { params: Promise<{ annotationId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const input = await readJson(request, reactionSchema, 1024);
    return NextResponse.json({
      reaction: await setReaction({ userId: user.id, annotationId, input }),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
