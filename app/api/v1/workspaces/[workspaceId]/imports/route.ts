// POST /api/v1/workspaces/[workspaceId]/imports — read an uploaded file (multipart
// `file`) or a web page (JSON `{ url }`) into an article draft to check before saving

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { AppError } from "@/lib/errors/app-error";
import { readFormData } from "@/lib/http/read-form-data";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { createImportDraft, type ImportSource } from "@/lib/server/import/create-import-draft";
import { importUrlSchema } from "@/lib/validations/import";
import { limits } from "@/lib/validations/limits";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import { runIdempotent, toJsonBody } from "@/lib/server/idempotency/run-idempotent";

type Context = { params: Promise<{ workspaceId: string }> };

async function readSource(request: Request): Promise<ImportSource> {
  const type = request.headers.get("content-type") ?? "";

  if (type.startsWith("multipart/form-data")) {
    const form = await readFormData(request, limits.importFileMaxBytes, "This file");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose a file to import.", { file: ["Choose a file."] });
    }
    return { kind: "file", fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }

  const { url } = await readJson(request, importUrlSchema, 16 * 1024);
  return { kind: "url", url };
}

export async function POST(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const caller = await requireApiCaller(request, { write: true, workspaceId });
    const source = await readSource(request);
    const scope = `${caller.userId} POST /workspaces/${workspaceId}/imports`;
    const key = readIdempotencyKey(request);
    return await runIdempotent({ scope, key, input: source, transactional: false }, async () => {
      const preview = await createImportDraft({ userId: caller.userId, workspaceId, source });
      return { status: 201, body: toJsonBody(preview) };
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
