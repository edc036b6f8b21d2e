import "server-only";

import { notFound } from "next/navigation";

import { requireSessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseId } from "@/lib/http/route-params";
import { getCodebook } from "@/lib/server/codebook/get-codebook";

type RawParams = Promise<{ workspaceId: string; codebookId: string }>;

// Shared by the codebook's pages: the session, the ids from the URL (malformed: 404), the
// codebook with the caller's role, and a 404 when the URL's workspace is not its own.
export async function loadCodebookPage(params: RawParams) {
  const user = await requireSessionUser();
  const raw = await params;
  const [workspaceId, codebookId] = await orNotFound(
    Promise.resolve().then(
      () =>
        [
          parseId(raw.workspaceId, "This workspace"),
          parseId(raw.codebookId, "This codebook"),
        ] as const,
    ),
  );
  const details = await orNotFound(getCodebook({ userId: user.id, codebookId }));

  if (details.codebook.workspaceId !== workspaceId) {
    notFound();
  }

  return { user, workspaceId, codebookId, ...details };
}
