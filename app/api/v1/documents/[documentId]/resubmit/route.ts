// POST /api/v1/documents/[documentId]/resubmit — save a revised text and resubmit it
import { NextResponse } from "next/server";

import { requireSessionUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { readJson } from "@/lib/http/read-json";
import { parseId } from "@/lib/http/route-params";
import { resubmitSubmission } from "@/lib/server/submission/resubmit-submission";
import { limits } from "@/lib/validations/limits";
import { resubmitSubmissionSchema } from "@/lib/validations/submission";

type Context = { params: Promise<{ documentId: string }> };

// The longest text allowed, four bytes a character at worst, plus the other fields.
const maxBytes = limits.textMaxChars * 4 + 64 * 1024;

export async function POST(request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const documentId = parseId((await context.params).documentId, "This document");
    const input = await readJson(
      request,
      resubmitSubmissionSchema.omit({ documentId: true }),
      maxBytes,
    );
    const result = await resubmitSubmission({ userId: user.id, input: { ...input, documentId } });
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
