import "server-only";

import { randomUUID } from "node:crypto";

import pg from "pg";

import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

import { liveChannel } from "./publish-live-event";

// One LISTEN connection per server process, shared by every open event stream. Postgres
// NOTIFY reaches every instance that listens, so a highlight saved through one instance
// behind a load balancer reaches readers connected to any other.
//
// live events:   NOTIFY framewise_live with the whole row as JSON when it fits in a
//                notification, else '<id> <workspaceId> <documentId|->' (publish-live-event.ts).
//                Whole rows are fanned out at once, with no query; the others are fetched in
//                batches. Either way subscribers get rows in the order Postgres delivered them
//                (commit order, which is id order within a workspace).
// presence:      NOTIFY framewise_presence '{json}' straight from the hub, never stored:
//                "here" when a person opens a document on an instance (and every 15 s while
//                they stay), "gone" when their last stream there closes, "sync" to ask the
//                other instances to announce their readers of a document now. An entry not
//                refreshed for 40 s expires (an instance that died says nothing).

export const presenceChannel = "framewise_presence";
const presenceRefreshMs = 15_000;
const presenceTtlMs = 40_000;
const fetchBatchMax = 500;
// Presence changes on a document are sent at most this often: when 200 people open a
// document in the same few seconds, each of them gets a handful of lists, not 200.
const presenceCoalesceMs = 150;

export type LiveRow = {
  id: bigint;
  workspaceId: string;
  documentId: string | null;
  kind: string;
  audienceUserId: string | null;
  payload: unknown;
  createdAt: Date;
  // Encoded SSE frames per audience, shared by subscribers that see the same thing
  // (null: that audience may not see the event).
  views?: Map<string, Uint8Array | null>;
};

export type PresenceReader = { id: string; name: string };

// Frames already encoded for one presence broadcast, keyed by what a subscriber's view of
// the list depends on, so readers who see the same list share one encoding.
export type PresenceFrames = Map<string, Uint8Array>;

// A workspace-wide presence follower (the workspace's document list, an assignment's
// presence view): told when anyone's presence on any document of the workspace changes,
// and handed the workspace's rows so it can react to "class.changed".
export type PresenceWatcher = {
  workspaceId: string;
  changed: () => void;
  receive: (row: LiveRow) => void;
};

export type LiveSubscriber = {
  workspaceId: string;
  documentId: string;
  userId: string;
  name: string;
  // Rows of this workspace, in commit order; the subscriber filters and deduplicates.
  receive: (row: LiveRow) => void;
  // The listening connection was lost and is back: notifications in between are gone, so
  // the subscriber replays from its last id.
  catchUp: () => void;
  presence: (readers: PresenceReader[], frames: PresenceFrames) => void;
};

type PresenceMessage = {
  type: "here" | "gone" | "sync";
  instance: string;
  // "sync" with a workspace and no document: announce every local reader of the workspace.
  documentId?: string;
  workspaceId?: string;
  userId?: string;
  name?: string;
};

class LiveHub {
  private readonly instance = randomUUID();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectDelay = 500;
  private hasConnectedBefore = false;
  private readonly byWorkspace = new Map<string, Set<LiveSubscriber>>();
  private readonly byDocument = new Map<string, Set<LiveSubscriber>>();
  private readonly watchers = new Map<string, Set<PresenceWatcher>>();
  // documentId → workspaceId, learnt from "here" messages, for workspace-wide presence.
  private readonly documentWorkspace = new Map<string, string>();
  // Notified rows in delivery order: whole rows, or ids still to fetch.
  private queue: (LiveRow | string)[] = [];
  private pumping = false;
  // documentId → userId → instance → { name, expires }
  private readonly presence = new Map<
    string,
    Map<string, Map<string, { name: string; expires: number }>>
  >();
  private timers: NodeJS.Timeout[] = [];
  // Documents whose reader list changed and is not sent yet.
  private readonly presenceDirty = new Set<string>();
  private presenceTimer: NodeJS.Timeout | null = null;
  // pg wants one query at a time per client: presence NOTIFYs on the listening
  // connection go out in turn.
  private sending: Promise<unknown> = Promise.resolve();

  // Resolves once LISTEN is active, so a stream can replay after it without a gap.
  ready(): Promise<void> {
    if (this.client) {
      return Promise.resolve();
    }
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    addTo(this.byWorkspace, subscriber.workspaceId, subscriber);
    const firstHere = !this.hasLocalReader(subscriber.documentId, subscriber.userId);
    const firstOnDocument = !this.byDocument.get(subscriber.documentId)?.size;
    addTo(this.byDocument, subscriber.documentId, subscriber);
    this.startTimers();

    if (firstOnDocument) {
      this.notifyPresence({ type: "sync", documentId: subscriber.documentId });
    }
    if (firstHere) {
      this.notifyPresence({
        type: "here",
        workspaceId: subscriber.workspaceId,
        documentId: subscriber.documentId,
        userId: subscriber.userId,
        name: subscriber.name,
      });
    } else {
      subscriber.presence(this.readersOf(subscriber.documentId), new Map());
    }

    return () => {
      removeFrom(this.byWorkspace, subscriber.workspaceId, subscriber);
      removeFrom(this.byDocument, subscriber.documentId, subscriber);
      if (!this.hasLocalReader(subscriber.documentId, subscriber.userId)) {
        this.notifyPresence({
          type: "gone",
          workspaceId: subscriber.workspaceId,
          documentId: subscriber.documentId,
          userId: subscriber.userId,
        });
      }
      if (this.byWorkspace.size === 0 && this.watchers.size === 0) {
        this.stopTimers();
      }
    };
  }

  // Presence across a workspace without reading any document. The first watcher of a
  // workspace on this instance asks the others to announce their readers there.
  watchPresence(watcher: PresenceWatcher): () => void {
    const isFirst = !this.watchers.get(watcher.workspaceId)?.size;
    addTo(this.watchers, watcher.workspaceId, watcher);
    this.startTimers();
    if (isFirst) {
      this.notifyPresence({ type: "sync", workspaceId: watcher.workspaceId });
    }
    return () => {
      removeFrom(this.watchers, watcher.workspaceId, watcher);
      if (this.byWorkspace.size === 0 && this.watchers.size === 0) {
        this.stopTimers();
      }
    };
  }

  // Every document of the workspace that someone is reading now, with its readers.
  workspaceReaders(workspaceId: string): Map<string, PresenceReader[]> {
    const result = new Map<string, PresenceReader[]>();
    for (const [documentId, owner] of this.documentWorkspace) {
      if (owner !== workspaceId) {
        continue;
      }
      const readers = this.readersOf(documentId);
      if (readers.length > 0) {
        result.set(documentId, readers);
      }
    }
    return result;
  }

  readersOf(documentId: string): PresenceReader[] {
    const readers: PresenceReader[] = [];
    for (const [userId, instances] of this.presence.get(documentId) ?? []) {
      const name = liveName(instances);
      if (name !== undefined) {
        readers.push({ id: userId, name });
      }
    }
    return readers.sort((a, b) => a.name.localeCompare(b.name));
  }

  subscriberCount(): number {
    let count = 0;
    for (const set of this.byWorkspace.values()) {
      count += set.size;
    }
    return count;
  }

  private hasLocalReader(documentId: string, userId: string): boolean {
    for (const subscriber of this.byDocument.get(documentId) ?? []) {
      if (subscriber.userId === userId) {
        return true;
      }
    }
    return false;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: getEnv().DATABASE_URL,
      application_name: "framewise-live",
      keepAlive: true,
    });
    client.on("notification", (message) => this.onNotification(message));
    client.on("error", (error) => {
      console.error("[live] the listening connection failed", error);
      this.drop(client);
    });
    client.on("end", () => this.drop(client));

    await client.connect();
    await client.query(`LISTEN ${liveChannel}`);
    await client.query(`LISTEN ${presenceChannel}`);
    this.client = client;
    this.reconnectDelay = 500;

    if (this.hasConnectedBefore) {
      for (const set of this.byWorkspace.values()) {
        for (const subscriber of set) {
          subscriber.catchUp();
        }
      }
      this.announceLocalReaders();
    }
    this.hasConnectedBefore = true;
  }

  private drop(client: pg.Client) {
    if (this.client !== client) {
      return;
    }
    this.client = null;
    client.end().catch(() => undefined);
    if (this.byWorkspace.size === 0 && this.watchers.size === 0) {
      return;
    }
    // Streams stay open; they catch up once the connection is back.
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
    setTimeout(() => {
      this.ready().catch((error: unknown) => {
        console.error("[live] could not listen again", error);
        this.scheduleRetry();
      });
    }, delay).unref();
  }

  private scheduleRetry() {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
    setTimeout(() => {
      this.ready().catch(() => this.scheduleRetry());
    }, delay).unref();
  }

  private onNotification(message: pg.Notification) {
    if (message.channel === liveChannel && message.payload) {
      const inline = message.payload.startsWith("{") ? parseInlineRow(message.payload) : null;
      const [id, workspaceId] = inline
        ? [inline.id, inline.workspaceId]
        : message.payload.split(" ");
      if (
        id !== undefined &&
        workspaceId &&
        (this.byWorkspace.get(workspaceId)?.size || this.watchers.get(workspaceId)?.size)
      ) {
        this.queue.push(inline ?? String(id));
        void this.pump();
      }
      return;
    }
    if (message.channel === presenceChannel && message.payload) {
      this.onPresence(message.payload);
    }
  }

  // One fetch at a time, so rows reach subscribers in the order their NOTIFYs arrived.
  private async pump() {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        // Whole rows at the head go out at once, with no query and no await.
        while (typeof this.queue[0] === "object") {
          this.deliver(this.queue.shift() as LiveRow);
        }
        // Then the ids up to the next whole row, fetched as one batch.
        let count = 0;
        while (count < this.queue.length && count < fetchBatchMax) {
          if (typeof this.queue[count] !== "string") {
            break;
          }
          count += 1;
        }
        if (count === 0) {
          continue;
        }
        const ids = this.queue.splice(0, count) as string[];
        let rows: LiveRow[];
        try {
          rows = await getDb().liveEvent.findMany({
            where: { id: { in: ids.map((id) => BigInt(id)) } },
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
        } catch (error) {
          // The subscribers of these rows replay from their last id instead.
          console.error("[live] could not read live events", error);
          for (const set of this.byWorkspace.values()) {
            for (const subscriber of set) {
              subscriber.catchUp();
            }
          }
          continue;
        }
        const order = new Map(ids.map((id, index) => [id, index]));
        rows.sort((a, b) => (order.get(String(a.id)) ?? 0) - (order.get(String(b.id)) ?? 0));
        for (const row of rows) {
          this.deliver(row);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private deliver(row: LiveRow) {
    for (const subscriber of this.byWorkspace.get(row.workspaceId) ?? []) {
      subscriber.receive(row);
    }
    for (const watcher of this.watchers.get(row.workspaceId) ?? []) {
      watcher.receive(row);
    }
  }

  private notifyPresence(message: Omit<PresenceMessage, "instance">) {
    const payload = JSON.stringify({ ...message, instance: this.instance });
    // Applied locally at once; the echo from Postgres is harmless.
    this.onPresence(payload);
    const client = this.client;
    if (!client) {
      return;
    }
    this.sending = this.sending
      .then(() => client.query("SELECT pg_notify($1, $2)", [presenceChannel, payload]))
      .catch((error: unknown) => console.error("[live] presence notify failed", error));
  }

  private onPresence(raw: string) {
    let message: PresenceMessage;
    try {
      message = JSON.parse(raw) as PresenceMessage;
    } catch {
      return;
    }
    const { documentId } = message;

    if (message.type === "sync") {
      if (message.instance !== this.instance) {
        this.announceLocalReaders(documentId, message.workspaceId);
      }
      return;
    }

    if (!message.userId || !documentId) {
      return;
    }
    if (message.workspaceId) {
      this.documentWorkspace.set(documentId, message.workspaceId);
    }
    const users = this.presence.get(documentId) ?? new Map();
    const instances = users.get(message.userId) ?? new Map();
    const before = liveName(instances);

    if (message.type === "here") {
      instances.set(message.instance, {
        name: message.name ?? "Someone",
        expires: Date.now() + presenceTtlMs,
      });
      users.set(message.userId, instances);
      this.presence.set(documentId, users);
    } else {
      instances.delete(message.instance);
      if (instances.size === 0) {
        users.delete(message.userId);
      }
    }

    // A refresh of someone already here changes nothing; only arrivals, departures and
    // renames are sent (this runs for every reader every 15 s, on every instance).
    if (liveName(instances) !== before) {
      this.schedulePresence(documentId);
    }
  }

  private schedulePresence(documentId: string) {
    this.presenceDirty.add(documentId);
    if (this.presenceTimer) {
      return;
    }
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      const documents = [...this.presenceDirty];
      this.presenceDirty.clear();
      for (const dirty of documents) {
        this.broadcastPresence(dirty);
      }
    }, presenceCoalesceMs);
    this.presenceTimer.unref();
  }

  private broadcastPresence(documentId: string) {
    const readers = this.readersOf(documentId);
    const frames: PresenceFrames = new Map();
    for (const subscriber of this.byDocument.get(documentId) ?? []) {
      subscriber.presence(readers, frames);
    }
    const workspaceId = this.documentWorkspace.get(documentId);
    for (const watcher of (workspaceId && this.watchers.get(workspaceId)) || []) {
      watcher.changed();
    }
  }

  private announceLocalReaders(onlyDocument?: string, onlyWorkspace?: string) {
    for (const [documentId, subscribers] of this.byDocument) {
      if (onlyDocument && documentId !== onlyDocument) {
        continue;
      }
      const seen = new Set<string>();
      for (const subscriber of subscribers) {
        // A document's readers all share its workspace.
        if (onlyWorkspace && subscriber.workspaceId !== onlyWorkspace) {
          break;
        }
        if (!seen.has(subscriber.userId)) {
          seen.add(subscriber.userId);
          this.notifyPresence({
            type: "here",
            workspaceId: subscriber.workspaceId,
            documentId,
            userId: subscriber.userId,
            name: subscriber.name,
          });
        }
      }
    }
  }

  private expirePresence() {
    const now = Date.now();
    for (const [documentId, users] of this.presence) {
      let changed = false;
      for (const [userId, instances] of users) {
        for (const [instance, entry] of instances) {
          if (entry.expires <= now) {
            instances.delete(instance);
          }
        }
        if (instances.size === 0) {
          users.delete(userId);
          changed = true;
        }
      }
      if (changed) {
        this.schedulePresence(documentId);
      }
      if (users.size === 0) {
        this.presence.delete(documentId);
        this.documentWorkspace.delete(documentId);
      }
    }
  }

  private startTimers() {
    if (this.timers.length > 0) {
      return;
    }
    this.timers = [
      setInterval(() => this.announceLocalReaders(), presenceRefreshMs),
      setInterval(() => this.expirePresence(), 5_000),
    ];
    for (const timer of this.timers) {
      timer.unref();
    }
  }

  private stopTimers() {
    for (const timer of this.timers) {
      clearInterval(timer);
    }
    this.timers = [];
  }
}

type InlineRow = {
  id: string;
  workspaceId: string;
  documentId: string | null;
  kind: string;
  audienceUserId: string | null;
  payload: unknown;
  createdAt: number;
};

// A notification that carries its whole row (publish-live-event.ts); null if malformed.
function parseInlineRow(raw: string): LiveRow | null {
  try {
    const row = JSON.parse(raw) as InlineRow;
    if (typeof row.id !== "string" || typeof row.workspaceId !== "string") {
      return null;
    }
    return {
      id: BigInt(row.id),
      workspaceId: row.workspaceId,
      documentId: row.documentId,
      kind: row.kind,
      audienceUserId: row.audienceUserId,
      payload: row.payload,
      createdAt: new Date(row.createdAt),
    };
  } catch {
    return null;
  }
}

// The name a person shows under while any instance still has them here (undefined: gone).
function liveName(
  instances: Map<string, { name: string; expires: number }> | undefined,
): string | undefined {
  const now = Date.now();
  for (const entry of instances?.values() ?? []) {
    if (entry.expires > now) {
      return entry.name;
    }
  }
  return undefined;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  set?.delete(value);
  if (set && set.size === 0) {
    map.delete(key);
  }
}

const globalForLive = globalThis as unknown as { framewiseLiveHub?: LiveHub };

// One hub per process; survives Next.js dev hot reloads.
export function getLiveHub(): LiveHub {
  globalForLive.framewiseLiveHub ??= new LiveHub();
  return globalForLive.framewiseLiveHub;
}
