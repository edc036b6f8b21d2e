import "server-only";

import type { z } from "zod";

import type { SessionUser } from "@/lib/auth/session";
import { toAppError, type ErrorDetails, type FieldErrors } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

import { requireActionCaller, type ActionResource } from "./require-action-caller";

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
  // The workspace thing the raw input names (rawField), checked for membership first.
  resource: (input: unknown) => ActionResource;
  run: (input: z.output<Schema>, user: SessionUser) => Promise<Data>;
};

function refusal(error: unknown): Extract<TypedActionResult<never>, { ok: false }> {
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

// Server actions are public endpoints: the session and the caller's membership of the
// named workspace are checked first (a signed-out caller or an outsider learns nothing
// about their input), then the input is checked with the shared schema; expected
// failures come back as values.
export async function runTypedAction<Schema extends z.ZodType, Data>({
  input,
  schema,
  resource,
  run,
}: RunTypedActionOptions<Schema, Data>): Promise<TypedActionResult<Data>> {
  let user: SessionUser;
  try {
    user = await requireActionCaller(resource(input));
  } catch (error) {
    return refusal(error);
  }

  const parsed = schema.safeParse(input);

  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues[0]?.message ?? "The request is not valid; reload the page.",
      fieldErrors: zodToFieldErrors(parsed.error),
    };
  }

  try {
    return { ok: true, data: await run(parsed.data, user) };
  } catch (error) {
    return refusal(error);
  }
}
