import type { Role } from "@/lib/db/generated/enums";

// Higher rank includes every permission of the lower ones.
const roleRank: Record<Role, number> = { VIEWER: 0, ANNOTATOR: 1, EDITOR: 2, OWNER: 3 };

export const roleNames: Record<Role, string> = {
  OWNER: "Owner",
  EDITOR: "Editor / instructor",
  ANNOTATOR: "Annotator",
  VIEWER: "Viewer",
};

export function hasRole(role: Role, atLeast: Role): boolean {
  return roleRank[role] >= roleRank[atLeast];
}

export const permissions = {
  readWorkspace: "VIEWER",
  annotate: "ANNOTATOR",
  addDocument: "EDITOR",
  editDocument: "EDITOR",
  viewAgreement: "EDITOR",
  exportData: "EDITOR",
  editCodebook: "EDITOR",
  manageReview: "EDITOR",
  readAuditLog: "OWNER",
  teachClass: "EDITOR",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return hasRole(role, permissions[permission]);
}
