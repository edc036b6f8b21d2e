// GET /api/v1/workspaces/[workspaceId]/presence — who is reading which document (Server-Sent Events)
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { openPresenceStream } from "@/lib/server/live/open-presence-stream";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const stream = await openPresenceStream({
      userId: user.id,
      workspaceId,
      signal: request.signal,
    });

    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
