// POST /api/v1/workspaces/[workspaceId]/documents — save up to 25 documents; each row
// is validated and saved on its own and reported with its index
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import {
  createDocumentsBatch,
  type BatchRowResult,
} from "@/lib/server/import/create-documents-batch";
import { createDocumentSchema, type CreateDocumentData } from "@/lib/validations/document";
import { createDocumentsBatchSchema } from "@/lib/validations/import";
import { limits } from "@/lib/validations/limits";

type Context = { params: Promise<{ workspaceId: string }> };

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { documents } = await readJson(
      request,
      createDocumentsBatchSchema,
      limits.bulkBatchMax * (limits.textMaxChars * 4 + 64 * 1024),
    );

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
      userId: user.id,
      workspaceId,
      documents: valid.map((row) => row.input),
    });
    const results = [
      ...refused,
      ...saved.map((result) => ({ ...result, index: valid[result.index]?.index ?? result.index })),
    ].sort((a, b) => a.index - b.index);

    return NextResponse.json({ results });
  } catch (error) {
    return errorResponse(error);
  }
}
