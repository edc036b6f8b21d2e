// GET /api/v1/workspaces/[workspaceId]/audit-log — the filtered audit log as CSV (owners)
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { exportAuditLog } from "@/lib/server/audit/export-audit-log";
import { auditLogFilterSchema } from "@/lib/validations/audit";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const workspaceId = parseId((await context.params).workspaceId, "This workspace");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = auditLogFilterSchema.safeParse(query);
    if (!parsed.success) {
      throw new AppError(
        "INVALID_INPUT",
        parsed.error.issues[0]?.message ?? "The filters are not valid.",
        zodToFieldErrors(parsed.error),
      );
    }
    const { page: _page, ...filter } = parsed.data;
    const { filename, chunks } = await exportAuditLog({ userId: user.id, workspaceId, filter });

    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error("[audit-log export]", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });

    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
