// GET /api/v1/collections/[collectionId]/reliability-matrix?dimension=<id> — units × annotators CSV
// for R's irr and Python's krippendorff (docs/agreement.md); editors and owners
import { respondWithReliabilityMatrix } from "@/lib/http/reliability-matrix-response";

type Context = { params: Promise<{ collectionId: string }> };

export async function GET(request: Request, context: Context) {
  return respondWithReliabilityMatrix(request, "collection", (await context.params).collectionId);
}
