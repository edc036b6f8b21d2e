// GET /api/v1/documents/[documentId]/events — live changes to a document (Server-Sent Events)
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { eventStreamResponse } from "@/lib/http/event-stream-response";
import { parseId } from "@/lib/http/route-params";
import { openLiveStream } from "@/lib/server/live/open-live-stream";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ documentId: string }> };

// Last-Event-ID (sent by EventSource when it reconnects) wins over ?lastEventId=, which
// carries the cursor the page was rendered at for the first connection.
function readLastEventId(request: Request): bigint | null {
  const raw =
    request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return raw && /^\d{1,19}$/.test(raw) ? BigInt(raw) : null;
}

export async function GET(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    const stream = await openLiveStream({
      userId: user.id,
      documentId,
      lastEventId: readLastEventId(request),
      signal: request.signal,
    });

    return eventStreamResponse(stream);
  } catch (error) {
    return errorResponse(error);
  }
}
