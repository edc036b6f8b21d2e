// DELETE /api/v1/collections/[collectionId]/documents/[documentId] — take a document out
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { removeCollectionDocument } from "@/lib/server/collection/remove-collection-document";

type Context = { params: Promise<{ collectionId: string; documentId: string }> };

export async function DELETE(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const params = await context.params;
    const collectionId = parseId(params.collectionId, "This collection");
    const documentId = parseId(params.documentId, "This document");
    await removeCollectionDocument({ userId: user.id, collectionId, documentId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
