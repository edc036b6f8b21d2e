import "server-only";

// Reads a request body up to maxBytes; past that, stops reading and throws `onTooLarge`.
export async function readLimitedBytes(
  request: Request,
  maxBytes: number,
  onTooLarge: Error,
): Promise<Uint8Array> {
  if (!request.body) {
    return new Uint8Array();
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;

  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw onTooLarge;
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks);
}
