// GET /api/v1/workspaces/[workspaceId]/presence — who is reading which document (Server-Sent Events)
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { eventStreamResponse } from "@/lib/http/event-stream-response";
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

    return eventStreamResponse(stream);
  } catch (error) {
    return errorResponse(error);
  }
}
