import { createHash } from "node:crypto";

// Identifies the exact text a highlight was made on (server side only).
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
