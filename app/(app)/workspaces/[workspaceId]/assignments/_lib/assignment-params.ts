import "server-only";

import { notFound } from "next/navigation";

import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";

// The route's ids, parsed (a malformed one is a 404).
export async function readAssignmentParams(
  params: Promise<{ workspaceId: string; assignmentId: string }>,
) {
  const raw = await params;
  return orNotFound(
    Promise.resolve().then(() => ({
      workspaceId: parseId(raw.workspaceId, "This workspace"),
      assignmentId: parseId(raw.assignmentId, "This assignment"),
    })),
  );
}

// The URL's workspace must be the assignment's own.
export function assertSameWorkspace(actual: string, expected: string) {
  if (actual !== expected) {
    notFound();
  }
}
