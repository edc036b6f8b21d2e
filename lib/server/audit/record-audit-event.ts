// Plumbing that takes a transaction; also used by scripts (demo seed), so no "server-only".
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;

type RecordAuditEventOptions = {
  tx: Tx;
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  entityType: "user" | "workspace" | "document" | "annotation" | "codebook";
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

// Always called inside the transaction that makes the change, so the log cannot drift.
export async function recordAuditEvent({ tx, before, after, ...event }: RecordAuditEventOptions) {
  await tx.auditEvent.create({
    data: {
      ...event,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  });
}
