// GET/POST /api/v1/workspaces/[workspaceId]/snapshots — list dataset snapshots, or save a
// new one (202: it is written in the background; poll the list for its progress)
import { after, NextResponse } from "next/server";

import { readJson } from "@/lib/http/read-json";
import { apiErrorResponse } from "@/lib/api/api-error-response";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { parseId } from "@/lib/http/route-params";
import { createSnapshot } from "@/lib/server/export/create-snapshot";
import { getExportBaseUrl } from "@/lib/server/export/export-http";
import { listSnapshots } from "@/lib/server/export/list-snapshots";
import { createSnapshotSchema, snapshotBodyMaxBytes } from "@/lib/validations/export";
import { readIdempotencyKey } from "@/lib/server/idempotency/idempotency-key";
import { runIdempotent, toJsonBody } from "@/lib/server/idempotency/run-idempotent";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { userId } = await requireApiCaller(request, { write: false, workspaceId });
    const snapshots = await listSnapshots({ userId: userId, workspaceId });
    return NextResponse.json({ snapshots });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

export async function POST(request: Request, context: Context) {
  try {
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const { userId } = await requireApiCaller(request, { write: true, workspaceId });
    const input = await readJson(request, createSnapshotSchema, snapshotBodyMaxBytes);
    const scope = `${userId} POST /workspaces/${workspaceId}/snapshots`;
    const key = readIdempotencyKey(request);
    return await runIdempotent({ scope, key, input, transactional: false }, async () => {
      const { snapshot, write } = await createSnapshot({
        userId: userId,
        workspaceId,
        input,
        baseUrl: getExportBaseUrl(request),
      });
      // Started now, not awaited: the archive is written while the person watches the list.
      // `after` keeps the work alive past the response where the platform would end it.
      after(write());
      return { status: 202, body: toJsonBody({ snapshot }) };
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
