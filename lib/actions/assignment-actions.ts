"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import {
  addOwnHighlightsToKey,
  addToAnswerKey,
  copyToAnswerKey,
  removeFromAnswerKey,
} from "@/lib/server/assignment/change-answer-key";
import { reopenAssignment } from "@/lib/server/assignment/reopen-assignment";
import { setAssignmentMode } from "@/lib/server/assignment/set-assignment-mode";
import { submitAssignment } from "@/lib/server/assignment/submit-assignment";
import {
  answerKeyChangeSchema,
  answerKeyDocumentSchema,
  assignmentStudentSchema,
  revealAssignmentSchema,
} from "@/lib/validations/assignment";
import { idSchema } from "@/lib/validations/workspace";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

// The one-button actions of an assignment (hand in, reopen, reveal, hide, answer key).
// Each answers with a sentence for the status line and refreshes the assignment's pages.

function refresh(formData: FormData) {
  const workspaceId = formData instanceof FormData ? formData.get("workspaceId") : null;
  if (idSchema.safeParse(workspaceId).success) {
    revalidatePath(`/workspaces/${workspaceId}`, "layout");
  }
}

const assignmentOnly = z.object({ assignmentId: idSchema });

export async function submitAssignmentAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: assignmentOnly,
    run: async ({ assignmentId }, user) => {
      await submitAssignment({ userId: user.id, assignmentId });
      return "Handed in. Your highlights are now final unless your instructor reopens the assignment.";
    },
  });
  refresh(formData);
  return result;
}

export async function reopenAssignmentAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "userId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: assignmentStudentSchema,
    run: async ({ assignmentId, userId: studentId }, user) => {
      await reopenAssignment({ userId: user.id, assignmentId, studentId });
      return "Reopened: the student can change their highlights and hand in again.";
    },
  });
  refresh(formData);
  return result;
}

export async function revealAssignmentAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "revealNames"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: revealAssignmentSchema,
    run: async ({ assignmentId, revealNames }, user) => {
      await setAssignmentMode({ userId: user.id, assignmentId, mode: "REVEALED", revealNames });
      return revealNames
        ? "Revealed with names: the class now sees every highlight."
        : "Revealed anonymised: the class now sees every highlight, classmates as “Student N”.";
    },
  });
  refresh(formData);
  return result;
}

export async function hideAssignmentAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: assignmentOnly,
    run: async ({ assignmentId }, user) => {
      await setAssignmentMode({ userId: user.id, assignmentId, mode: "BLIND" });
      return "Blind again: students who have not handed in see only their own highlights.";
    },
  });
  refresh(formData);
  return result;
}

export async function addToAnswerKeyAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "annotationId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: answerKeyChangeSchema,
    run: async (input, user) => {
      await addToAnswerKey({ userId: user.id, ...input });
      return "Added to the key.";
    },
  });
  refresh(formData);
  return result;
}

export async function removeFromAnswerKeyAction(
  _previous: ActionState<string>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "annotationId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: answerKeyChangeSchema,
    run: async (input, user) => {
      await removeFromAnswerKey({ userId: user.id, ...input });
      return "Removed from the key.";
    },
  });
  refresh(formData);
  return result;
}

export async function copyToAnswerKeyAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "annotationId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: answerKeyChangeSchema,
    run: async (input, user) => {
      await copyToAnswerKey({ userId: user.id, ...input });
      return "Copied to the key.";
    },
  });
  refresh(formData);
  return result;
}

export async function addOwnHighlightsToKeyAction(
  _previous: ActionState<string>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["assignmentId", "documentId"],
    resource: (values) => ({ kind: "assignment", id: values["assignmentId"] }),
    schema: answerKeyDocumentSchema,
    run: async (input, user) => {
      const { added } = await addOwnHighlightsToKey({ userId: user.id, ...input });
      return `${added} highlight${added === 1 ? "" : "s"} added to the key.`;
    },
  });
  refresh(formData);
  return result;
}
