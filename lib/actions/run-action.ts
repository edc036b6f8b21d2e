import "server-only";

import type { z } from "zod";

import { toAppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

import { formValues, type ActionResult } from "./action-result";

type RunActionOptions<Schema extends z.ZodType, Data> = {
  formData: FormData;
  fields: readonly string[];
  schema: Schema;
  run: (input: z.output<Schema>) => Promise<Data>;
};

// Validates form fields with the shared schema, runs the use case, and turns every
// expected failure into a value the form can render next to its fields.
export async function runAction<Schema extends z.ZodType, Data>({
  formData,
  fields,
  schema,
  run,
}: RunActionOptions<Schema, Data>): Promise<ActionResult<Data>> {
  const values = formValues(formData, fields);
  // Passwords (password, currentPassword, newPassword) are never echoed back to the browser.
  const echoed = Object.fromEntries(
    Object.entries(values).filter(([name]) => !/password/i.test(name)),
  );
  const parsed = schema.safeParse(values);

  if (!parsed.success) {
    return {
      ok: false,
      message: "Please fix the highlighted fields.",
      fieldErrors: zodToFieldErrors(parsed.error),
      values: echoed,
    };
  }

  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
      console.error("[action]", error);
    }
    return {
      ok: false,
      message: appError.message,
      fieldErrors: appError.fieldErrors ?? {},
      values: echoed,
      ...(appError.details ? { details: appError.details } : {}),
    };
  }
}
