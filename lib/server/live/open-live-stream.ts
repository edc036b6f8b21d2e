import "server-only";

import {
  decideViewerPolicy,
  describeAuthor,
  memberName,
  type DocumentClassContext,
  type ViewerPolicy,
} from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

import {
  getLiveHub,
  type LiveRow,
  type LiveSubscriber,
  type PresenceFrames,
  type PresenceReader,
} from "./live-hub";
import { pruneLiveEventsNow } from "./prune-live-events";
import { viewLiveEvent } from "./view-live-event";
import { joinChunks, scheduleFlush } from "./write-batcher";

type OpenLiveStreamOptions = {
  userId: string;
  documentId: string;
  // The last event the client has (Last-Event-ID, or the cursor the page was rendered at).
  lastEventId: bigint | null;
  signal?: AbortSignal;
  heartbeatMs?: number;
};

const replayMax = 1_000;
// A client that reads this far behind is dropped; it reconnects and replays.
const maxBufferedBytes = 1024 * 1024;

// Contexts shared by all streams on one document in this process, reloaded when a
// "class.changed" event (or a due date) says who-sees-what may have changed.
type SharedContext = {
  version: bigint;
  loadedAt: number;
  promise: Promise<DocumentClassContext | null>;
};
const globalForContexts = globalThis as unknown as {
  framewiseLiveContexts?: Map<string, SharedContext>;
};

function getSharedContext(documentId: string, version: bigint, notBefore = 0) {
  const contexts = (globalForContexts.framewiseLiveContexts ??= new Map());
  const cached = contexts.get(documentId);
  if (cached && cached.version >= version && cached.loadedAt >= notBefore) {
    return cached.promise;
  }
  const entry: SharedContext = {
    version: cached && cached.version > version ? cached.version : version,
    loadedAt: Date.now(),
    promise: loadClassContext({ documentId }),
  };
  entry.promise.catch(() => contexts.delete(documentId));
  contexts.set(documentId, entry);
  return entry.promise;
}

// A number per loaded class context: streams holding the same context object (the shared
// one per document) share presence frames; a stream still on an older one does not.
const contextIds = (() => {
  const ids = new WeakMap<DocumentClassContext, number>();
  let next = 0;
  return {
    idOf(context: DocumentClassContext): number {
      let id = ids.get(context);
      if (id === undefined) {
        id = ++next;
        ids.set(context, id);
      }
      return id;
    },
  };
})();

function readerName(context: DocumentClassContext, userId: string): string {
  return memberName(context.members.get(userId), "Someone");
}

// The newest live event of a workspace, for a page to hand its client as the first
// Last-Event-ID: whatever happens after the page read its data is replayed, nothing before.
export async function getLiveCursor(workspaceId: string): Promise<string> {
  const newest = await getDb().liveEvent.findFirst({
    where: { workspaceId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return String(newest?.id ?? 0n);
}

// A Server-Sent Events stream of one document's changes for one reader. Replays what the
// reader missed after `lastEventId`, then follows live events; every event goes through
// the class rules for this reader, so a blind assignment's classmates never appear in it.
export async function openLiveStream({
  userId,
  documentId,
  lastEventId,
  signal,
  heartbeatMs = 15_000,
}: OpenLiveStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const hub = getLiveHub();
  // Always fresh for a new stream: while nobody in this process followed the workspace,
  // its "class.changed" events went unheard and a cached context may be stale.
  const initialContext = await getSharedContext(documentId, 0n, Date.now());
  const initialPolicy = initialContext
    ? decideViewerPolicy(initialContext, userId, new Date())
    : null;

  if (!initialContext || !initialPolicy?.isMember) {
    throw notFound("This document");
  }

  pruneLiveEventsNow();
  await hub.ready();

  const encoder = new TextEncoder();
  const workspaceId = initialContext.workspaceId;
  let policy: ViewerPolicy = initialPolicy;
  let lastSentId = lastEventId ?? 0n;
  let replaying = true;
  let buffered: LiveRow[] = [];
  let chain: Promise<void> = Promise.resolve();
  // Tasks queued on `chain` and not finished; while 0, a plain event is handled at once,
  // without a promise per reader per event.
  let busy = 0;
  let closed = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  let expiryTimer: NodeJS.Timeout | undefined;

  // Written frames wait for the next flush window (write-batcher.ts), then go out as one chunk.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const batch = { flush };

  function write(text: string | Uint8Array) {
    if (closed) {
      return;
    }
    const bytes = typeof text === "string" ? encoder.encode(text) : text;
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    scheduleFlush(batch);
  }

  function flush() {
    if (closed || pending.length === 0) {
      return;
    }
    if ((controller.desiredSize ?? 0) < -maxBufferedBytes) {
      close();
      return;
    }
    const chunk = joinChunks(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    try {
      controller.enqueue(chunk);
    } catch {
      close();
    }
  }

  function close() {
    if (closed) {
      return;
    }
    // What was written last (a "gone" message) still goes out, unless the client is too far
    // behind to take it.
    const last = pending.length > 0 ? joinChunks(pending, pendingBytes) : null;
    closed = true;
    pending = [];
    if (last && (controller.desiredSize ?? 0) >= -maxBufferedBytes) {
      try {
        controller.enqueue(last);
      } catch {
        // Already closed by the client.
      }
    }
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(expiryTimer);
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  }

  function send(id: bigint | null, data: string) {
    write(`${id === null ? "" : `id: ${id}\n`}data: ${data}\n\n`);
  }

  async function reloadPolicy(version: bigint, notBefore = 0) {
    const context = await getSharedContext(documentId, version, notBefore);
    const next = context ? decideViewerPolicy(context, userId, new Date()) : null;
    if (!next?.isMember) {
      send(
        null,
        JSON.stringify({ kind: "gone", message: "You no longer have access to this document." }),
      );
      close();
      return;
    }
    policy = next;
    scheduleExpiry();
  }

  // When a due date passes, instructors' highlights become visible to students: the
  // client is told to reload, and the policy is worked out again.
  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const expiresAt = policy.expiresAt?.getTime();
    if (expiresAt === undefined) {
      return;
    }
    const delay = Math.min(Math.max(expiresAt - Date.now(), 0) + 50, 2_000_000_000);
    expiryTimer = setTimeout(() => {
      inOrder(async () => {
        await reloadPolicy(0n, expiresAt);
        send(null, JSON.stringify({ kind: "refresh", reason: "due" }));
      });
    }, delay);
    expiryTimer.unref();
  }

  // Runs a task after everything queued before it, in order.
  function inOrder(task: () => Promise<void>) {
    busy += 1;
    chain = chain
      .then(task)
      .catch((error: unknown) => {
        console.error("[live] a stream task failed", error);
        close();
      })
      .finally(() => {
        busy -= 1;
      });
  }

  function isForThisReader(row: LiveRow): boolean {
    return (
      !closed &&
      row.id > lastSentId &&
      (row.documentId === null || row.documentId === documentId) &&
      (row.audienceUserId === null || row.audienceUserId === userId)
    );
  }

  async function handle(row: LiveRow) {
    if (!isForThisReader(row)) {
      return;
    }
    if (row.kind === "class.changed") {
      await reloadPolicy(row.id);
      lastSentId = row.id;
      send(row.id, JSON.stringify({ kind: "refresh", reason: "class" }));
      return;
    }
    sendRow(row);
  }

  function sendRow(row: LiveRow) {
    // Frames are cached on the row per audience: 200 readers who see the same thing share
    // one JSON.stringify and one UTF-8 encoding.
    const viewed = viewLiveEvent(policy, row.kind, row.payload);
    row.views ??= new Map();
    let frame = row.views.get(viewed.cacheKey);
    if (frame === undefined) {
      const message = viewed.message;
      frame = message
        ? encoder.encode(`id: ${row.id}\ndata: ${JSON.stringify(message)}\n\n`)
        : null;
      row.views.set(viewed.cacheKey, frame);
    }
    if (frame !== null) {
      lastSentId = row.id;
      write(frame);
    }
  }

  function enqueue(row: LiveRow) {
    if (replaying) {
      buffered.push(row);
      return;
    }
    // The common case: nothing queued, an ordinary event. Handled now, in order.
    if (busy === 0 && row.kind !== "class.changed") {
      if (isForThisReader(row)) {
        sendRow(row);
      }
      return;
    }
    inOrder(() => handle(row));
  }

  async function replay() {
    replaying = true;
    buffered = [];
    const oldest = await getDb().liveEvent.findFirst({
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const rows = await getDb().liveEvent.findMany({
      where: { workspaceId, id: { gt: lastSentId }, OR: [{ documentId }, { documentId: null }] },
      orderBy: { id: "asc" },
      take: replayMax + 1,
      select: {
        id: true,
        workspaceId: true,
        documentId: true,
        kind: true,
        audienceUserId: true,
        payload: true,
        createdAt: true,
      },
    });

    // Ids below the oldest stored event were pruned (or rolled back): the client cannot
    // be brought up to date event by event, so it reloads instead. Same when too far behind.
    const pruned = lastSentId > 0n && oldest !== null && lastSentId < oldest.id - 1n;
    if (pruned || rows.length > replayMax) {
      const newest = await getDb().liveEvent.findFirst({
        where: { workspaceId },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      lastSentId = newest?.id ?? lastSentId;
      await reloadPolicy(lastSentId);
      send(lastSentId, JSON.stringify({ kind: "refresh", reason: "resync" }));
    } else {
      for (const row of rows) {
        await handle(row);
      }
    }

    const pending = buffered;
    buffered = [];
    replaying = false;
    for (const row of pending) {
      await handle(row);
    }
  }

  function catchUp() {
    inOrder(() =>
      replay().catch((error: unknown) => {
        console.error("[live] catch-up failed", error);
        close();
      }),
    );
  }

  const subscriber: LiveSubscriber = {
    workspaceId,
    documentId,
    userId,
    name: readerName(initialContext, userId),
    receive: enqueue,
    catchUp,
    // Readers are named as their highlights would be: "Student N" where the class is
    // anonymised, so presence cannot tie a name to a pseudonymous highlight.
    presence: (readers: PresenceReader[], frames: PresenceFrames) => {
      // Instructors see names; students see the same list as each other, unless the class
      // is anonymised: then each sees their own name among pseudonyms (describeAuthor).
      const audience = policy.isInstructor ? "instructors" : policy.anonymise ? userId : "students";
      const key = `${contextIds.idOf(policy.context)} ${audience}`;
      let frame = frames.get(key);
      if (!frame) {
        const message = {
          kind: "presence",
          readers: readers.map((reader) => describeAuthor(policy, reader)),
        };
        frame = encoder.encode(`data: ${JSON.stringify(message)}\n\n`);
        frames.set(key, frame);
      }
      write(frame);
    },
  };

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      // Retry quickly after a dropped connection; the comment flushes the headers.
      write("retry: 2000\n: connected\n\n");
      unsubscribe = hub.subscribe(subscriber);
      heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
      heartbeat.unref();
      scheduleExpiry();
      signal?.addEventListener("abort", close, { once: true });
      catchUp();
    },
    cancel() {
      close();
    },
  });
}
