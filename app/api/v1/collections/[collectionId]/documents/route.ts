// POST /api/v1/collections/[collectionId]/documents — add a document of the workspace
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { addCollectionDocument } from "@/lib/server/collection/add-collection-document";
import { addCollectionDocumentSchema } from "@/lib/validations/collection";

type Context = { params: Promise<{ collectionId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const collectionId = parseId((await context.params).collectionId, "This collection");
    const { documentId } = await readJson(request, addCollectionDocumentSchema, 4 * 1024);
    const added = await addCollectionDocument({ userId: user.id, collectionId, documentId });
    return NextResponse.json({ document: added }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
