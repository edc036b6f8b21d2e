import "server-only";

import type { z } from "zod";

import type { SessionUser } from "@/lib/auth/session";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";

import { formValues, type ActionResult } from "./action-result";
import { requireActionCaller, type ActionResource } from "./require-action-caller";

type RunActionOptions<Schema extends z.ZodType, Data> = {
  formData: FormData;
  fields: readonly string[];
  schema: Schema;
  // The workspace thing the form names (its raw field), checked for membership before the
  // fields are validated; omitted for actions about the caller's own account.
  resource?: (values: Record<string, string>) => ActionResource;
  // Turns the submitted form into the one to validate (an uploaded file read into a
  // field), after the caller is known; may throw an AppError to refuse.
  prepare?: (formData: FormData) => Promise<FormData>;
  run: (input: z.output<Schema>, user: SessionUser) => Promise<Data>;
};

type RunPublicActionOptions<Schema extends z.ZodType, Data> = {
  formData: FormData;
  fields: readonly string[];
  schema: Schema;
  run: (input: z.output<Schema>) => Promise<Data>;
};

function notAForm(): AppError {
  return new AppError("INVALID_INPUT", "The request is not valid; reload the page.");
}

// Passwords (password, currentPassword, newPassword) are never echoed back to the browser.
function echoedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
}

// Every expected failure becomes a value the form renders; anything else is logged and
// answered with a generic message (a form never sees a 500 or an internal error's text).
export function toActionRefusal(
  error: unknown,
  values: Record<string, string>,
): Extract<ActionResult<never>, { ok: false }> {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
    console.error("[action]", error);
  }
  return {
    ok: false,
    message: appError.message,
    fieldErrors: appError.fieldErrors ?? {},
    values,
    ...(appError.details ? { details: appError.details } : {}),
  };
}

async function validateAndRun<Schema extends z.ZodType, Data>(
  formData: FormData,
  { fields, schema }: { fields: readonly string[]; schema: Schema },
  run: (input: z.output<Schema>) => Promise<Data>,
): Promise<ActionResult<Data>> {
  const values = formValues(formData, fields);
  const echoed = echoedValues(values);
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
    return toActionRefusal(error, echoed);
  }
}

// A form action for signed-in people: checks the session and the caller's membership of the
// workspace the form names first (so signed-out callers and outsiders learn nothing about
// their input), then validates the fields with the shared schema and runs the use case,
// turning every expected failure into a value the form can render next to its fields.
export async function runAction<Schema extends z.ZodType, Data>({
  formData,
  fields,
  schema,
  resource,
  prepare,
  run,
}: RunActionOptions<Schema, Data>): Promise<ActionResult<Data>> {
  // Typed as FormData, but a hostile client can call an action id with any arguments.
  const submitted = formData instanceof FormData ? formValues(formData, fields) : {};
  let user: SessionUser;
  let form = formData;

  try {
    user = await requireActionCaller(resource?.(submitted) ?? null);
    if (!(formData instanceof FormData)) {
      throw notAForm();
    }
    if (prepare) {
      form = await prepare(formData);
    }
  } catch (error) {
    return toActionRefusal(error, echoedValues(submitted));
  }

  return validateAndRun(form, { fields, schema }, (input) => run(input, user));
}

// A form action meant for signed-out people (sign-up): no session to check.
export async function runPublicAction<Schema extends z.ZodType, Data>({
  formData,
  fields,
  schema,
  run,
}: RunPublicActionOptions<Schema, Data>): Promise<ActionResult<Data>> {
  if (!(formData instanceof FormData)) {
    return toActionRefusal(notAForm(), {});
  }
  return validateAndRun(formData, { fields, schema }, run);
}
