// PATCH /api/v1/comments/[commentId] — an instructor pins or hides a reply
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { updateComment } from "@/lib/server/discussion/update-comment";
import { updateCommentSchema } from "@/lib/validations/discussion";

type Context = { params: Promise<{ commentId: string }> };

export async function PATCH(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const commentId = parseId((await context.params).commentId, "This reply");
    const input = await readJson(request, updateCommentSchema, 1024);
    return NextResponse.json({
      comment: await updateComment({ userId: user.id, commentId, input }),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
