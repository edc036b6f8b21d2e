// GET /api/v1/documents/[documentId]/reliability-matrix?dimension=<id> — units × annotators CSV
// for R's irr and Python's krippendorff (docs/agreement.md); editors and owners
import { respondWithReliabilityMatrix } from "@/lib/http/reliability-matrix-response";

type Context = { params: Promise<{ documentId: string }> };

export async function GET(request: Request, context: Context) {
  return respondWithReliabilityMatrix(request, "document", (await context.params).documentId);
}
