import "server-only";

import { getDb } from "@/lib/db/client";

// Live events are for catching up after a dropped connection, not history (the audit log
// is history). A day is far more than any reconnect needs; an older Last-Event-ID makes the
// client reload instead (open-live-stream.ts).
export const liveEventRetentionMs = 24 * 60 * 60 * 1000;
const pruneEveryMs = 10 * 60 * 1000;

const globalForPrune = globalThis as unknown as { framewiseLivePrunedAt?: number };

// At most once per ten minutes per process, in the background.
export function pruneLiveEventsNow() {
  const now = Date.now();
  if ((globalForPrune.framewiseLivePrunedAt ?? 0) > now - pruneEveryMs) {
    return;
  }
  globalForPrune.framewiseLivePrunedAt = now;
  getDb()
    .liveEvent.deleteMany({ where: { createdAt: { lt: new Date(now - liveEventRetentionMs) } } })
    .catch((error: unknown) => console.error("[live] pruning old live events failed", error));
}
