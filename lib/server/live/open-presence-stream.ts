import "server-only";

import {
  decideViewerPolicy,
  describeAuthor,
  type DocumentClassContext,
} from "@/lib/classes/visibility";

import { loadClassContexts } from "../assignment/load-class-contexts";
import { requireMembership } from "../workspace/require-membership";

import { getLiveHub, type LiveRow, type PresenceWatcher } from "./live-hub";

type OpenPresenceStreamOptions = {
  userId: string;
  workspaceId: string;
  signal?: AbortSignal;
  heartbeatMs?: number;
};

export type DocumentPresence = { documentId: string; readers: { id: string; name: string }[] };

// Changes are sent at most this often: a class arriving at once is one update, not forty.
const settleMs = 150;

// A Server-Sent Events stream of who is reading which document of a workspace, for the
// document list and an assignment's presence view. Presence says only that someone has a
// document open, never what they marked, so it is shown in blind mode too; each reader is
// named as their highlights would be to this viewer (describeAuthor: "Student N" where the
// document's class is anonymised, instructors and, to instructors, everyone by name).
// The viewer is left out of the list.
export async function openPresenceStream({
  userId,
  workspaceId,
  signal,
  heartbeatMs = 15_000,
}: OpenPresenceStreamOptions): Promise<ReadableStream<Uint8Array>> {
  await requireMembership({ userId, workspaceId, permission: "readWorkspace" });
  const hub = getLiveHub();
  await hub.ready();

  const encoder = new TextEncoder();
  let contexts = new Map<string, DocumentClassContext>();
  let closed = false;
  let lastSent = "";
  let pending: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let unwatch = () => {};
  // One update at a time, in order.
  let chain: Promise<void> = Promise.resolve();

  function write(text: string) {
    if (closed) {
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  }

  function close() {
    if (closed) {
      return;
    }
    closed = true;
    unwatch();
    clearTimeout(pending);
    clearInterval(heartbeat);
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  }

  async function update(reloadContexts: boolean) {
    if (closed) {
      return;
    }
    const readersByDocument = hub.workspaceReaders(workspaceId);
    const missing = [...readersByDocument.keys()].filter((id) => !contexts.has(id));
    if (reloadContexts || missing.length > 0) {
      const documentIds = reloadContexts
        ? [...new Set([...contexts.keys(), ...readersByDocument.keys()])]
        : missing;
      const loaded = await loadClassContexts({ workspaceId, documentIds });
      contexts = reloadContexts ? loaded : new Map([...contexts, ...loaded]);
    }

    const now = new Date();
    const documents: DocumentPresence[] = [];
    for (const [documentId, readers] of readersByDocument) {
      const context = contexts.get(documentId);
      if (!context) {
        continue;
      }
      const policy = decideViewerPolicy(context, userId, now);
      if (!policy.isMember) {
        write(
          `data: ${JSON.stringify({ kind: "gone", message: "You are no longer a member of this workspace." })}\n\n`,
        );
        close();
        return;
      }
      const others = readers
        .filter((reader) => reader.id !== userId)
        .map((reader) => describeAuthor(policy, reader));
      if (others.length > 0) {
        documents.push({ documentId, readers: others });
      }
    }
    documents.sort((a, b) => (a.documentId < b.documentId ? -1 : 1));

    const message = JSON.stringify({ kind: "presence", documents });
    if (message !== lastSent) {
      lastSent = message;
      write(`data: ${message}\n\n`);
    }
  }

  function schedule(reloadContexts = false) {
    if (reloadContexts) {
      chain = chain.then(() => update(true)).catch(onError);
      return;
    }
    if (pending) {
      return;
    }
    pending = setTimeout(() => {
      pending = undefined;
      chain = chain.then(() => update(false)).catch(onError);
    }, settleMs);
  }

  function onError(error: unknown) {
    console.error("[live] presence update failed", error);
    close();
  }

  const watcher: PresenceWatcher = {
    workspaceId,
    changed: () => schedule(),
    // Who-sees-what changed (a reveal, a role, a removal): names are worked out again.
    receive: (row: LiveRow) => {
      if (row.kind === "class.changed") {
        schedule(true);
      }
    },
  };

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      write("retry: 2000\n: connected\n\n");
      unwatch = hub.watchPresence(watcher);
      heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
      heartbeat.unref();
      signal?.addEventListener("abort", close, { once: true });
      schedule(true);
    },
    cancel() {
      close();
    },
  });
}
