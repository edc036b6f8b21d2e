// Stream readers for the live integration tests (not a test file itself).
import { openLiveStream } from "./open-live-stream";

export type Received = { id: string | null; data: Record<string, unknown> };

// Reads a Server-Sent Events stream the way EventSource does, keeping every event and the
// raw text (to prove that something never appeared in it, not even in a field).
export function listen(stream: ReadableStream<Uint8Array>, abort: AbortController) {
  const events: Received[] = [];
  let raw = "";
  let closed = false;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";

  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        closed = true;
        return;
      }
      const text = decoder.decode(value, { stream: true });
      raw += text;
      buffer += text;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: string | null = null;
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) id = line.slice(4);
          if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (data.length > 0) {
          events.push({ id, data: JSON.parse(data.join("\n")) as Record<string, unknown> });
        }
        end = buffer.indexOf("\n\n");
      }
    }
  })();

  return {
    events,
    get raw() {
      return raw;
    },
    get closed() {
      return closed;
    },
    close: () => abort.abort(),
    async waitFor(predicate: (event: Received) => boolean, what: string, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

export async function open(userId: string, documentId: string, lastEventId: bigint | null = null) {
  const abort = new AbortController();
  const stream = await openLiveStream({ userId, documentId, lastEventId, signal: abort.signal });
  return listen(stream, abort);
}

export const annotationIdOf = (event: Received) =>
  (event.data.annotation as { id?: string } | undefined)?.id ??
  (event.data.annotationId as string | undefined);
