import "server-only";

import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

import { readLimitedBytes } from "./read-limited";

// Reads at most maxBytes of a JSON body, then validates it: malformed JSON is 400,
// a body that parses but does not fit the schema is 422.
export async function readJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  maxBytes: number,
): Promise<z.output<Schema>> {
  const declared = Number(request.headers.get("content-length") ?? "0");

  if (declared > maxBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The request body is too large (limit ${maxBytes} bytes).`,
    );
  }

  const raw = new TextDecoder().decode(
    await readLimitedBytes(
      request,
      maxBytes,
      new AppError("PAYLOAD_TOO_LARGE", `The request body is too large (limit ${maxBytes} bytes).`),
    ),
  );

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
  }

  const result = schema.safeParse(body);

  if (!result.success) {
    const fieldErrors = zodToFieldErrors(result.error);
    const first = result.error.issues[0];
    throw new AppError(
      "INVALID_INPUT",
      first ? first.message : "The request is not valid.",
      fieldErrors,
    );
  }

  return result.data;
}
