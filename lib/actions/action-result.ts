import type { ErrorDetails, FieldErrors } from "@/lib/errors/app-error";

// What every server action returns. `values` echoes what the person typed so a
// refused form can be shown again without losing their work.
export type ActionResult<Data = undefined> =
  | { ok: true; data: Data }
  | {
      ok: false;
      message: string;
      fieldErrors: FieldErrors;
      values: Record<string, string>;
      // What the server sent to recover with (a conflict's two versions), if anything.
      details?: ErrorDetails;
    };

export type ActionState<Data = undefined> = ActionResult<Data> | null;

export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};

  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value : "";
  }

  return values;
}
