import "server-only";

import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import {
  requireResourceMembership,
  type ResourceKind,
} from "@/lib/server/workspace/require-resource-membership";

// The workspace thing an action's input names, read from the raw input before it is
// validated; null (or an absent id) when there is none to check yet.
export type ActionResource = { kind: ResourceKind; id: unknown } | null;

// Server actions are public endpoints: who is calling is settled before anything about
// the input is answered. A signed-out caller hears "sign in" and an outsider "not found",
// whatever they sent; only members get validation errors. Throws AppErrors.
export async function requireActionCaller(resource: ActionResource): Promise<SessionUser> {
  const user = await requireSessionUser();

  if (resource && resource.id !== undefined && resource.id !== "") {
    await requireResourceMembership({ userId: user.id, ...resource });
  }

  return user;
}

// One field of an input that has not been validated yet (a typed action's object).
export function rawField(input: unknown, name: string): unknown {
  return input !== null && typeof input === "object"
    ? (input as Record<string, unknown>)[name]
    : undefined;
}
