import "server-only";

import { notFound } from "@/lib/errors/app-error";
import { idSchema } from "@/lib/validations/workspace";

// A malformed id in a URL cannot name anything: answer "not found".
export function parseId(value: string | undefined, what: string): string {
  const result = idSchema.safeParse(value);

  if (!result.success) {
    throw notFound(what);
  }

  return result.data;
}
