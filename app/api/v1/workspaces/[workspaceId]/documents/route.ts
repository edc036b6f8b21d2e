// GET /api/v1/workspaces/[workspaceId]/documents — a page of the workspace's documents
// POST /api/v1/workspaces/[workspaceId]/documents — save up to 25 documents; each row
// is validated and saved on its own and reported with its index
import { NextResponse } from "next/server";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { readPageRequest } from "@/lib/api/pagination";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { listDocumentsPage } from "@/lib/server/api-token/list-documents-page";
import {
  createDocumentsBatch,
  type BatchRowResult,
} from "@/lib/server/import/create-documents-batch";
import { createDocumentSchema, type CreateDocumentData } from "@/lib/validations/document";
import { createDocumentsBatchSchema } from "@/lib/validations/import";
import { limits } from "@/lib/validations/limits";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import {
  runIdempotent,
  toJsonBody,
  type IdempotentResult,
} from "@/lib/server/idempotency/run-idempotent";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: false, workspaceId });
    const page = readPageRequest(request);
    return NextResponse.json(await listDocumentsPage({ userId: caller.userId, workspaceId, page }));
  } catch (error) {
    return apiErrorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: true, workspaceId });
    const { documents } = await readJson(
      request,
      createDocumentsBatchSchema,
      limits.bulkBatchMax * (limits.textMaxChars * 4 + 64 * 1024),
    );

    const scope = `${caller.userId} POST /workspaces/${workspaceId}/documents`;
    const key = readIdempotencyKey(request);
    return await runIdempotent({ scope, key, input: documents, transactional: false }, () =>
      saveBatch(caller.userId, workspaceId, documents),
    );
  } catch (error) {
    return apiErrorResponse(error);
  }
}

// Each row is validated and saved on its own, so one bad row does not stop the others.
async function saveBatch(
  userId: string,
  workspaceId: string,
  documents: unknown[],
): Promise<IdempotentResult> {
  const refused: BatchRowResult[] = [];
  const valid: { index: number; input: CreateDocumentData }[] = [];
  documents.forEach((row, index) => {
    const parsed = createDocumentSchema.safeParse(row);
    if (parsed.success) {
      valid.push({ index, input: parsed.data });
    } else {
      refused.push({
        index,
        ok: false,
        message: parsed.error.issues[0]?.message ?? "Not valid.",
      });
    }
  });

  const saved = await createDocumentsBatch({
    userId,
    workspaceId,
    documents: valid.map((row) => row.input),
  });
  const results = [
    ...refused,
    ...saved.map((result) => ({ ...result, index: valid[result.index]?.index ?? result.index })),
  ].sort((a, b) => a.index - b.index);

  return { status: 200, body: toJsonBody({ results }) };
}
