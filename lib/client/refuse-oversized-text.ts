import type { ActionResult } from "@/lib/actions/action-result";
import { createDocumentSchema } from "@/lib/validations/document";

// A form past the server actions' body limit (next.config.ts, 5 MB) is cut off by Next.js
// before the action runs, and the browser would get an error page instead of the form.
// The text limit (limits.textMaxChars, at most 4 bytes a character) keeps every valid
// article under it, so the text is checked here with the server's own rule and message,
// and a pasted book never leaves the browser. Returns null when the text may be sent.
export function refuseOversizedText(
  formData: FormData,
  fields: readonly string[],
): Extract<ActionResult<never>, { ok: false }> | null {
  const text = formData.get("text");
  const checked = createDocumentSchema.shape.text.safeParse(typeof text === "string" ? text : "");
  const tooLong = checked.error?.issues.find((issue) => issue.code === "too_big");

  if (!tooLong) {
    return null;
  }

  const values = Object.fromEntries(
    fields.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
  return {
    ok: false,
    message: "Please fix the highlighted fields.",
    fieldErrors: { text: [tooLong.message] },
    values,
  };
}
