import { createHmac } from "node:crypto";

// An annotator's name in exports: stable within a workspace (the same person gets the same
// pseudonym in every export and snapshot of it), unlinkable across workspaces (each has its
// own salt), and not reversible without the salt. 10 hex digits = 40 bits, so collisions
// among a workspace's members are negligible.
export function pseudonymizeAnnotator(salt: string, userId: string): string {
  return `annotator-${createHmac("sha256", salt).update(userId).digest("hex").slice(0, 10)}`;
}
