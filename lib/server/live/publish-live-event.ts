// Plumbing that takes a transaction, like recordAuditEvent; no "server-only" so scripts and
// the benchmark seeder may use it too.
import type { Prisma } from "@/lib/db/generated/client";

export const liveChannel = "framewise_live";

// NOTIFY payloads are limited to 8,000 bytes. An event that fits travels whole in its
// notification (a JSON object), so every instance fans it out without reading it back; a
// larger one is announced as '<id> <workspace> <document|->' and read from the table.
export const inlineNotifyMaxBytes = 7_900;

// Kinds a client understands. "class.changed" (documentId null) tells every reader of the
// workspace that who-sees-what may have changed: hand-in, reopen, reveal, roles, keys.
// "document.changed" says a document's text was edited and its highlights re-anchored.
export type LiveEventKind =
  | "annotation.created"
  | "annotation.updated"
  | "annotation.deleted"
  | "comment.created"
  | "comment.updated"
  | "reaction.changed"
  | "document.changed"
  | "class.changed";

type PublishLiveEventOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  documentId: string | null;
  kind: LiveEventKind;
  payload: Prisma.InputJsonValue;
  // Only this user may receive it (null: whoever may see it under the class rules).
  audienceUserId?: string | null;
};

// Writes the event in the caller's transaction and announces it with NOTIFY (the whole row
// when it fits, see inlineNotifyMaxBytes), which
// Postgres delivers only when (and if) the transaction commits, to every app instance.
//
// The advisory lock, held until commit, makes a workspace's events commit in id order:
// without it two transactions could take ids 10 and 11 and commit 11 first, and a client
// that saw 11 and reconnected with Last-Event-ID 11 would never get 10. Lock, insert and
// NOTIFY are one statement, run last in the transaction, so the lock is held only for it
// and the commit. (The insert reads from the lock's CTE, so the lock comes first and the
// id is drawn after it.)
export async function publishLiveEvent({
  tx,
  workspaceId,
  documentId,
  kind,
  payload,
  audienceUserId = null,
}: PublishLiveEventOptions): Promise<bigint> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    WITH locked AS (
      SELECT pg_advisory_xact_lock(1718379, hashtext(${workspaceId}::text))::text AS done
    ), inserted AS (
      INSERT INTO "LiveEvent" ("workspaceId", "documentId", "kind", "audienceUserId", "payload")
      SELECT ${workspaceId}::text, ${documentId}::text, ${kind}::text, ${audienceUserId}::text, ${JSON.stringify(payload)}::jsonb
      FROM locked
      RETURNING "id", "createdAt", "payload"
    ), announced AS (
      SELECT "id", json_build_object(
        'id', "id"::text, 'workspaceId', ${workspaceId}::text, 'documentId', ${documentId}::text,
        'kind', ${kind}::text, 'audienceUserId', ${audienceUserId}::text, 'payload', "payload",
        'createdAt', floor(extract(epoch FROM "createdAt") * 1000)
      )::text AS body
      FROM inserted
    )
    SELECT "id", pg_notify(${liveChannel}::text, CASE
      WHEN octet_length(body) <= ${inlineNotifyMaxBytes} THEN body
      ELSE "id"::text || ' ' || ${workspaceId}::text || ' ' || ${documentId ?? "-"}::text
    END)::text AS notified
    FROM announced`;

  const id = rows[0]?.id;
  if (id === undefined) {
    throw new Error("The live event was not written.");
  }
  return BigInt(id);
}
