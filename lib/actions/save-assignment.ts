"use server";

import { redirect } from "next/navigation";

import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { zodToFieldErrors } from "@/lib/errors/zod-to-field-errors";
import { parseId } from "@/lib/http/route-params";
import { saveAssignment } from "@/lib/server/assignment/save-assignment";
import { assignmentFormSchema } from "@/lib/validations/assignment";

import type { ActionState } from "./action-result";
import { requireActionCaller } from "./require-action-caller";
import { toActionRefusal } from "./run-action";

const textFields = [
  "title",
  "instructions",
  "codebookId",
  "dueAtLocal",
  "dueAtOffset",
  "mode",
] as const;

// Like runAction, but the documents are a list (one checkbox each); they are echoed back
// comma-separated so a refused form keeps the choice.
export async function saveAssignmentAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  // Who is calling comes first: signed-out callers and outsiders learn nothing about the form.
  let user: SessionUser;
  try {
    if (!(formData instanceof FormData)) {
      throw new AppError("INVALID_INPUT", "The request is not valid; reload the page.");
    }
    user = await requireActionCaller({ kind: "workspace", id: formData.get("workspaceId") ?? "" });
  } catch (error) {
    return toActionRefusal(error, {});
  }

  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const documentIds = formData
    .getAll("documentIds")
    .filter((value): value is string => typeof value === "string");
  const values = {
    ...Object.fromEntries(textFields.map((name) => [name, read(name)])),
    documentIds: documentIds.join(","),
  };

  const parsed = assignmentFormSchema.safeParse({
    title: read("title"),
    instructions: read("instructions"),
    codebookId: read("codebookId"),
    dueAt: { local: read("dueAtLocal"), offset: read("dueAtOffset") },
    mode: read("mode"),
    documentIds,
  });
  if (!parsed.success) {
    const fieldErrors = zodToFieldErrors(parsed.error);
    if (fieldErrors["dueAt"]) {
      fieldErrors["dueAtLocal"] = fieldErrors["dueAt"];
    }
    return { ok: false, message: "Please fix the highlighted fields.", fieldErrors, values };
  }

  let saved: { id: string; workspaceId: string };
  try {
    const assignmentId = read("assignmentId");
    saved = await saveAssignment({
      userId: user.id,
      workspaceId: parseId(read("workspaceId"), "This workspace"),
      ...(assignmentId ? { assignmentId: parseId(assignmentId, "This assignment") } : {}),
      input: parsed.data,
    });
  } catch (error) {
    return toActionRefusal(error, values);
  }

  redirect(`/workspaces/${saved.workspaceId}/assignments/${saved.id}`);
}
