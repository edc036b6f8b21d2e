// GET /api/v1/assignments/[assignmentId]/gradebook — the gradebook as CSV (instructors)
import { requireSessionUser } from "@/lib/auth/session";
import { gradebookToCsv } from "@/lib/classes/gradebook";
import { errorResponse } from "@/lib/http/error-response";
import { parseId } from "@/lib/http/route-params";
import { getGradebook } from "@/lib/server/assignment/get-gradebook";

type Context = { params: Promise<{ assignmentId: string }> };

function fileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `gradebook-${slug || "assignment"}.csv`;
}

export async function GET(_request: Request, context: Context) {
  try {
    const user = await requireSessionUser();
    const assignmentId = parseId((await context.params).assignmentId, "This assignment");
    const { assignment, rows } = await getGradebook({ userId: user.id, assignmentId });
    return new Response(gradebookToCsv(rows, assignment.documents), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName(assignment.title)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
