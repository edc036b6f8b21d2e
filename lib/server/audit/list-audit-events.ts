import "server-only";

import { getDb } from "@/lib/db/client";
import type { AuditLogFilter } from "@/lib/validations/audit";

import { requireMembership } from "../workspace/require-membership";

import { auditEventWhere } from "./audit-event-where";

type ListAuditEventsOptions = { userId: string; workspaceId: string; filter: AuditLogFilter };

export const auditPageSize = 50;

// The workspace's audit log, newest first, for its owners only.
export async function listAuditEvents({ userId, workspaceId, filter }: ListAuditEventsOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "readAuditLog" });
  const db = getDb();
  const where = auditEventWhere(workspaceId, filter);

  const [events, total, members] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * auditPageSize,
      take: auditPageSize,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        createdAt: true,
        actor: { select: { id: true, name: true } },
      },
    }),
    db.auditEvent.count({ where }),
    db.membership.findMany({
      where: { workspaceId },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);

  return {
    workspaceName: membership.workspace.name,
    role: membership.role,
    events,
    total,
    pages: Math.max(1, Math.ceil(total / auditPageSize)),
    members: members.map((member) => member.user),
  };
}
