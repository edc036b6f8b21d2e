import "server-only";

import { getApiRateLimitKey } from "@/lib/api/rate-limit";
import { AppError, notFound } from "@/lib/errors/app-error";
import { authenticateApiToken } from "@/lib/server/api-token/authenticate-api-token";
import { countApiRequest } from "@/lib/server/api-token/count-api-request";
import { findResourceWorkspace } from "@/lib/server/api-token/find-resource-workspace";

import { getSessionUser } from "./session";

export type ApiCaller = {
  userId: string;
  via: "session" | "token";
  tokenId?: string;
  // A token may only reach resources of this workspace.
  tokenWorkspaceId?: string;
};

// At most one of workspaceId, documentId, annotationId: what the request is about.
type RequireApiCallerOptions = {
  // Every method but GET changes something and needs a READ_WRITE token.
  write: boolean;
  workspaceId?: string;
  documentId?: string;
  annotationId?: string;
};

const what = {
  workspaceId: "This workspace",
  documentId: "This document",
  annotationId: "This highlight",
} as const;

function readBearer(request: Request): string | null {
  const header = request.headers.get("authorization");

  if (header === null) {
    return null;
  }

  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError(
      "UNAUTHORIZED",
      "Send the API token as an Authorization header: `Authorization: Bearer fw_…`.",
    );
  }

  return match[1];
}

// Who is calling the JSON API: a personal API token (`Authorization: Bearer fw_…`),
// else the next-auth session cookie. Token callers are kept inside the token's
// workspace (anything else answers "not found", like resources of a workspace one is
// not in) and need a READ_WRITE token to change anything. Both kinds are rate limited.
// The caller's role is still checked by the use case, as for the UI.
export async function requireApiCaller(
  request: Request,
  { write, workspaceId, documentId, annotationId }: RequireApiCallerOptions,
): Promise<ApiCaller> {
  const secret = readBearer(request);

  if (secret === null) {
    const user = await getSessionUser();
    if (!user) {
      throw new AppError(
        "UNAUTHORIZED",
        "Sign in, or send a personal API token as `Authorization: Bearer fw_…` (create one in Settings → API tokens).",
      );
    }
    const caller: ApiCaller = { userId: user.id, via: "session" };
    await countApiRequest({ key: getApiRateLimitKey(caller) });
    return caller;
  }

  const token = await authenticateApiToken({ secret });
  const caller: ApiCaller = {
    userId: token.userId,
    via: "token",
    tokenId: token.id,
    tokenWorkspaceId: token.workspaceId,
  };
  await countApiRequest({ key: getApiRateLimitKey(caller) });

  if (workspaceId !== undefined && workspaceId !== token.workspaceId) {
    throw notFound(what.workspaceId);
  }
  const resource =
    documentId !== undefined
      ? { documentId }
      : annotationId !== undefined
        ? { annotationId }
        : null;
  if (resource && (await findResourceWorkspace(resource)) !== token.workspaceId) {
    throw notFound("documentId" in resource ? what.documentId : what.annotationId);
  }

  if (write && token.scope !== "READ_WRITE") {
    throw new AppError(
      "FORBIDDEN",
      "This API token is read-only (scope READ), so it cannot change anything. Create a read-write token in Settings → API tokens.",
    );
  }

  return caller;
}
