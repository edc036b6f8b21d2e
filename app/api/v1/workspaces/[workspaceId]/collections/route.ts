// GET/POST /api/v1/workspaces/[workspaceId]/collections — list collections, create one (editors)
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { createCollection } from "@/lib/server/collection/create-collection";
import { listCollections } from "@/lib/server/collection/list-collections";
import { createCollectionSchema } from "@/lib/validations/collection";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import { runIdempotent, toJsonBody } from "@/lib/server/idempotency/run-idempotent";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { collections } = await listCollections({ userId: user.id, workspaceId });
    return NextResponse.json({ collections });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const input = await readJson(request, createCollectionSchema, 16 * 1024);
    const scope = `${user.id} POST /workspaces/${workspaceId}/collections`;
    const key = readIdempotencyKey(request);
    return await runIdempotent({ scope, key, input, transactional: false }, async () => {
      const collection = await createCollection({ userId: user.id, workspaceId, input });
      return { status: 201, body: toJsonBody({ collection }) };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
