import "server-only";

import type { z } from "zod";

import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import { toAppError, type FieldErrors } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

// What the codebook actions called from client components return. Unlike form actions
// they take a typed object (a whole codebook, a mapping), so there are no form values to
// echo: the client keeps its own state, which is never lost on a refusal.
export type CodebookActionResult<Data> =
  { ok: true; data: Data } | { ok: false; message: string; fieldErrors: FieldErrors };

type RunCodebookActionOptions<Schema extends z.ZodType, Data> = {
  input: unknown;
  schema: Schema;
  run: (input: z.output<Schema>, user: SessionUser) => Promise<Data>;
};

// Server actions are public endpoints: the input is checked with the shared schema and
// the session is re-read on every call; expected failures come back as values.
export async function runCodebookAction<Schema extends z.ZodType, Data>({
  input,
  schema,
  run,
}: RunCodebookActionOptions<Schema, Data>): Promise<CodebookActionResult<Data>> {
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
      console.error("[codebook action]", error);
    }
    return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors ?? {} };
  }
}
