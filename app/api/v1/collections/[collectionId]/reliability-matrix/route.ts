// GET /api/v1/collections/[collectionId]/reliability-matrix?dimension=<id> — units × annotators CSV
// for R's irr and Python's krippendorff (docs/agreement.md); editors and owners
import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { getReliabilityMatrix } from "@/lib/server/agreement/get-reliability-matrix";

type Context = { params: Promise<{ collectionId: string }> };

export async function GET(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const id = parseId((await context.params).collectionId, "This collection");
    const dimensionId = parseId(
      new URL(request.url).searchParams.get("dimension") ?? undefined,
      "This dimension",
    );
    const { csv, fileName } = await getReliabilityMatrix({
      userId: user.id,
      project: { kind: "collection", id },
      dimensionId,
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
