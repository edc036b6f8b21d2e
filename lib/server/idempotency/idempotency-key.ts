import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors/app-error";

export const idempotencyHeader = "Idempotency-Key";
export const idempotencyKeyMaxLength = 255;

// The IETF draft's header: any visible ASCII, so a UUID, a ULID or a client's own scheme fits.
export function readIdempotencyKey(request: Request): string | null {
  const value = request.headers.get(idempotencyHeader);

  if (value === null) {
    return null;
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    const message = `The ${idempotencyHeader} header must be 1 to ${idempotencyKeyMaxLength} visible ASCII characters, such as a UUID.`;
    throw new AppError("INVALID_INPUT", message, { [idempotencyHeader]: [message] });
  }
  return value;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value instanceof Uint8Array) {
    return { bytes: createHash("sha256").update(value).digest("hex") };
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

// A hash of the validated input, not of the raw bytes: key order, whitespace and a multipart
// boundary differ between two sends of the same request.
export function fingerprintRequest(input: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)) ?? "")
    .digest("hex");
}
