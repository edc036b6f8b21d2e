import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

export const pageLimitMax = 100;
export const pageLimitDefault = 50;

// `?limit=&cursor=` on every list endpoint. The cursor is opaque to clients: pass the
// previous page's nextCursor as it came.
export const paginationQuerySchema = z
  .object({
    limit: z.coerce
      .number({ error: `limit must be a number from 1 to ${pageLimitMax}.` })
      .int({ message: `limit must be a whole number from 1 to ${pageLimitMax}.` })
      .min(1, { message: `limit must be a number from 1 to ${pageLimitMax}.` })
      .max(pageLimitMax, { message: `limit can be at most ${pageLimitMax}.` })
      .default(pageLimitDefault),
    cursor: z
      .string()
      .min(1, { message: "cursor is empty: leave it out for the first page." })
      .max(200, { message: "The cursor is not valid." })
      .optional(),
  })
  .strict();

export type PageCursor = { createdAt: Date; id: string };

export type PageRequest = { limit: number; after: PageCursor | null };

export type Page<Item> = { items: Item[]; nextCursor: string | null };

// Keyset pagination on (createdAt desc, id desc): stable while rows are added, and
// each page is one indexed range query however deep the client goes.
export function encodeCursor({ createdAt, id }: PageCursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id]), "utf8").toString("base64url");
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().regex(/^[a-z0-9]{1,64}$/i)]);

export function decodeCursor(cursor: string): PageCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = null;
  }

  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) {
    const message =
      "The cursor is not valid: pass the nextCursor of the previous page exactly as it came.";
    throw new AppError("INVALID_INPUT", message, { cursor: [message] });
  }

  return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
}

export function readPageRequest(request: Request): PageRequest {
  const params = new URL(request.url).searchParams;
  const parsed = paginationQuerySchema.safeParse(Object.fromEntries(params));

  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      parsed.error.issues[0]?.message ?? "The query is not valid.",
      zodToFieldErrors(parsed.error),
    );
  }

  return {
    limit: parsed.data.limit,
    after: parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null,
  };
}

// The rows after the cursor, in the page order.
export function afterCursor(after: PageCursor | null) {
  if (!after) {
    return {};
  }
  return {
    OR: [
      { createdAt: { lt: after.createdAt } },
      { createdAt: after.createdAt, id: { lt: after.id } },
    ],
  };
}

export const pageOrder = [{ createdAt: "desc" }, { id: "desc" }] as const;

// Queries fetch limit + 1 rows: the extra one only says whether there is a next page.
export function toPage<Row extends PageCursor, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);

  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
