import { createHash, randomBytes } from "node:crypto";

// "fw_" marks a Framewise token (secret scanners and people recognise it); 32 random
// bytes make guessing hopeless, so a fast hash is enough to store it (unlike passwords).
export const apiTokenMarker = "fw_";

const prefixLength = apiTokenMarker.length + 8;

export function generateApiTokenSecret(): string {
  return `${apiTokenMarker}${randomBytes(32).toString("base64url")}`;
}

export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

// The first characters, stored in clear so a person can tell their tokens apart.
export function getApiTokenPrefix(secret: string): string {
  return secret.slice(0, prefixLength);
}

export function isApiTokenShaped(value: string): boolean {
  return /^fw_[A-Za-z0-9_-]{43}$/.test(value);
}
