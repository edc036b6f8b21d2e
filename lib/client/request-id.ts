// A random id for an Idempotency-Key. crypto.randomUUID exists only in secure contexts
// (HTTPS or localhost); getRandomValues works everywhere, e.g. a school's plain-HTTP LAN host.
export function createRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
