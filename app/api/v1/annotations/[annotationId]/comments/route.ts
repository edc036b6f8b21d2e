// GET/POST /api/v1/annotations/[annotationId]/comments — a highlight's thread and replies to it
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { createComment } from "@/lib/server/discussion/create-comment";
import { listComments } from "@/lib/server/discussion/list-comments";
import { createCommentSchema } from "@/lib/validations/discussion";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import { runIdempotent, toJsonBody } from "@/lib/server/idempotency/run-idempotent";

type Context = { params: Promise<{ annotationId: string }> };

const bodyMaxBytes = 32 * 1024;

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    return NextResponse.json({ comments: await listComments({ userId: user.id, annotationId }) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const annotationId = parseId((await context.params).annotationId, "This highlight");
    const input = await readJson(request, createCommentSchema, bodyMaxBytes);
    const scope = `${user.id} POST /annotations/${annotationId}/comments`;
    const key = readIdempotencyKey(request);
    return await runIdempotent({ scope, key, input, transactional: false }, async () => {
      const comment = await createComment({ userId: user.id, annotationId, input });
      return { status: 201, body: toJsonBody({ comment }) };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
