import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { AuditLogFilter } from "@/lib/validations/audit";

const dayMs = 24 * 60 * 60 * 1000;

// The audit log's filters as a query; dates are whole days in UTC, both ends included.
export function auditEventWhere(
  workspaceId: string,
  filter: Omit<AuditLogFilter, "page">,
): Prisma.AuditEventWhereInput {
  const action: Prisma.AuditEventWhereInput =
    filter.action === undefined
      ? {}
      : filter.action === "document"
        ? { entityType: "document", action: { startsWith: "document." } }
        : { action: { startsWith: filter.action } };

  return {
    workspaceId,
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...action,
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to
              ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + dayMs) }
              : {}),
          },
        }
      : {}),
  };
}
