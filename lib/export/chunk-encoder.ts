// UTF-8 encoding of a file written in parts, into chunks of a fixed size. Each part is
// encoded straight into the current chunk (TextEncoder.encodeInto) and a chunk is handed
// out when full. Joining parts into one long string first and encoding that made V8 build
// and flatten long chains of concatenated strings: half of a JSONL download's CPU time
// (bench/export). encodeInto never splits a character, so the chunks hold exactly the bytes
// of encoding the whole file at once, provided no part ends between the two halves of a
// surrogate pair (export parts end with a newline or JSON punctuation).
export type ChunkEncoder = {
  // Encodes a part; returns the chunks it filled (often none).
  write: (part: string) => Uint8Array[];
  // The last, partly filled chunk, or null when it is empty.
  flush: () => Uint8Array | null;
};

export function createChunkEncoder(chunkBytes: number): ChunkEncoder {
  // A character takes up to 4 bytes: a smaller chunk could never take one.
  if (!Number.isInteger(chunkBytes) || chunkBytes < 4) {
    throw new Error(`Chunks must hold at least 4 bytes, not ${chunkBytes}.`);
  }

  const encoder = new TextEncoder();
  let chunk = new Uint8Array(chunkBytes);
  let used = 0;

  return {
    write(part) {
      const full: Uint8Array[] = [];
      let rest = part;
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, chunk.subarray(used));
        used += written;
        if (read === rest.length) {
          return full;
        }
        // Full (or too full for the next character): hand it out and go on in a new one.
        full.push(chunk.subarray(0, used));
        chunk = new Uint8Array(chunkBytes);
        used = 0;
        rest = rest.slice(read);
      }
    },
    flush() {
      if (used === 0) {
        return null;
      }
      const last = chunk.subarray(0, used);
      chunk = new Uint8Array(chunkBytes);
      used = 0;
      return last;
    },
  };
}
