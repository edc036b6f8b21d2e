"use server";

import { redirect } from "next/navigation";

import { AppError } from "@/lib/errors/app-error";
import { importCodebook } from "@/lib/server/codebook/import-codebook";
import { codebookLimits, importCodebookSchema } from "@/lib/validations/codebook";

import type { ActionResult, ActionState } from "./action-result";
import { runAction } from "./run-action";

// An uploaded file counts as if pasted: its text replaces the box, so a refused import
// shows the file's contents next to its problems, ready to fix.
async function withFileText(formData: FormData): Promise<FormData> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return formData;
  }
  if (file.size > codebookLimits.jsonMaxChars * 4) {
    const message = `The file is too large: at most ${codebookLimits.jsonMaxChars.toLocaleString("en")} characters.`;
    throw new AppError("INVALID_INPUT", message, { file: [message] });
  }
  const copy = new FormData();
  copy.set("workspaceId", String(formData.get("workspaceId") ?? ""));
  copy.set("json", await file.text());
  return copy;
}

export async function importCodebookAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
): Promise<ActionResult<{ id: string; workspaceId: string }>> {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "json"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    // The file is read only once the caller is known to be a member.
    prepare: withFileText,
    schema: importCodebookSchema,
    run: async (input, user) => importCodebook({ userId: user.id, input }),
  });

  if (result.ok) {
    redirect(`/workspaces/${result.data.workspaceId}/codebooks/${result.data.id}?done=imported`);
  }

  return result;
}
