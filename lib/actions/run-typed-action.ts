import "server-only";

import type { z } from "zod";

import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import { toAppError, type ErrorDetails, type FieldErrors } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

// What actions called from client components (codebook editor, label operations,
// adjudication, inbox) return. Unlike form actions they take a typed object (a whole
// codebook, a mapping), so there are no form values to echo: the client keeps its own
// state, which is never lost on a refusal.
export type TypedActionResult<Data> =
  | { ok: true; data: Data }
  | { ok: false; message: string; fieldErrors: FieldErrors; details?: ErrorDetails };

type RunTypedActionOptions<Schema extends z.ZodType, Data> = {
  input: unknown;
  schema: Schema;
  run: (input: z.output<Schema>, user: SessionUser) => Promise<Data>;
};

// Server actions are public endpoints: the input is checked with the shared schema and
// the session is re-read on every call; expected failures come back as values.
export async function runTypedAction<Schema extends z.ZodType, Data>({
  input,
  schema,
  run,
}: RunTypedActionOptions<Schema, Data>): Promise<TypedActionResult<Data>> {
  const parsed = schema.safeParse(input);

  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues[0]?.message ?? "The request is not valid; reload the page.",
      fieldErrors: zodToFieldErrors(parsed.error),
    };
  }

  try {
    const user = await requireSessionUser();
    return { ok: true, data: await run(parsed.data, user) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
      console.error("[action]", error);
    }
    return {
      ok: false,
      message: appError.message,
      fieldErrors: appError.fieldErrors ?? {},
      ...(appError.details ? { details: appError.details } : {}),
    };
  }
}
