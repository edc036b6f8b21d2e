// DELETE /api/v1/collections/[collectionId] — remove a collection (its documents stay)
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { deleteCollection } from "@/lib/server/collection/delete-collection";

type Context = { params: Promise<{ collectionId: string }> };

export async function DELETE(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const collectionId = parseId((await context.params).collectionId, "This collection");
    await deleteCollection({ userId: user.id, collectionId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
