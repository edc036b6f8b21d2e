// Rows for the class integration tests (not a test file itself).
import { getDb } from "@/lib/db/client";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { assignmentFormSchema, type AssignmentFormInput } from "@/lib/validations/assignment";
import { getLabelIds, makeDocument, makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { saveAssignment } from "./save-assignment";

export const classText =
  "The minister's reckless plan, critics say, will devastate families. Officials insist the budget is balanced.";

export async function makeClass() {
  const base = await makeWorkspaceWithRoles();
  const [ana, ben] = await Promise.all([makeUser("Ana Student"), makeUser("Ben Student")]);
  await getDb().membership.createMany({
    data: [
      { workspaceId: base.workspace.id, userId: ana.id, role: "ANNOTATOR", displayName: "Ana L." },
      { workspaceId: base.workspace.id, userId: ben.id, role: "ANNOTATOR" },
    ],
  });
  const document = await makeDocument(base.owner.id, base.workspace.id, classText, "Budget day");
  const labels = await getLabelIds(base.workspace.id);
  return { ...base, ana, ben, document, labels };
}

export type TestClass = Awaited<ReturnType<typeof makeClass>>;

export async function highlight(
  userId: string,
  documentId: string,
  phrase: string,
  labelIds: string[] = [],
  text = classText,
) {
  const at = text.indexOf(phrase);
  if (at < 0) {
    throw new Error(`"${phrase}" is not in the text`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return createAnnotation({
    userId,
    documentId,
    input: createAnnotationSchema.parse({
      start,
      end: start + Array.from(phrase).length,
      exact: phrase,
      labelIds,
    }),
  });
}

export async function makeAssignment(
  ctx: TestClass,
  values: Partial<AssignmentFormInput> = {},
  userId = ctx.owner.id,
) {
  return saveAssignment({
    userId,
    workspaceId: ctx.workspace.id,
    input: assignmentFormSchema.parse({
      title: "Week 1: budget coverage",
      instructions: "Mark **loaded language**.",
      codebookId: "",
      dueAt: { local: "", offset: "0" },
      mode: "BLIND",
      documentIds: [ctx.document.id],
      ...values,
    }),
  });
}
