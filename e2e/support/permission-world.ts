// The data the permission walker runs against: workspace A with one member of each role,
// workspace B owned by an outsider, and in A one of everything a page or route can be
// about. Rows are written straight to the database (the walker tests access, not these
// flows). Destructive requests get their own target per caller (`fresh`).
import { randomBytes, createHash } from "node:crypto";

import { describeQuote } from "@/lib/anchoring/quote-context";
import type { MatrixRole } from "@/lib/security/permission-matrix";

import { db, labelId, makeDocument, makeUser, makeWorkspace } from "./db";

export type World = Awaited<ReturnType<typeof seedPermissionWorld>>;

async function makeToken(userId: string, workspaceId: string, scope: "READ" | "READ_WRITE") {
  const secret = `fw_${randomBytes(32).toString("base64url")}`;
  await db().apiToken.create({
    data: {
      userId,
      workspaceId,
      name: `walker ${scope}`,
      scope,
      tokenHash: createHash("sha256").update(secret, "utf8").digest("hex"),
      prefix: secret.slice(0, 11),
    },
  });
  return secret;
}

export async function annotate(
  document: { id: string; text: string },
  authorId: string,
  phrase: string,
  options: { deleted?: boolean; labelIds?: string[] } = {},
) {
  const at = document.text.indexOf(phrase);
  const start = Array.from(document.text.slice(0, at)).length;
  const end = start + Array.from(phrase).length;
  const quote = describeQuote(document.text, start, end);
  return db().annotation.create({
    data: {
      documentId: document.id,
      authorId,
      documentVersion: 1,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      deletedAt: options.deleted ? new Date() : null,
      labels: { create: (options.labelIds ?? []).map((id) => ({ labelId: id })) },
    },
    select: { id: true },
  });
}

const articleText =
  "The minister hailed a historic victory for ordinary families. Critics called the plan reckless.";

export async function seedPermissionWorld() {
  const [owner, editor, annotator, viewer, outsider] = await Promise.all([
    makeUser("Walker Owner"),
    makeUser("Walker Editor"),
    makeUser("Walker Annotator"),
    makeUser("Walker Viewer"),
    makeUser("Walker Outsider"),
  ]);
  const workspace = await makeWorkspace([
    { userId: owner.id, role: "OWNER" },
    { userId: editor.id, role: "EDITOR" },
    { userId: annotator.id, role: "ANNOTATOR" },
    { userId: viewer.id, role: "VIEWER" },
  ]);
  const otherWorkspace = await makeWorkspace([{ userId: outsider.id, role: "OWNER" }]);
  const joinCode = `walk${randomBytes(4).toString("hex")}`;
  await db().workspace.update({
    where: { id: workspace.id },
    data: { joinCode, joinCodeEnabled: true },
  });

  const document = await makeDocument(workspace.id, owner.id, "Walker article", articleText);
  const second = await makeDocument(workspace.id, owner.id, "Walker second", articleText);
  const stance = await labelId(workspace.id, "stance", "supportive");
  const codebook = await db().codebook.findFirstOrThrow({
    where: { workspaceId: workspace.id, isDefault: true },
    select: { id: true },
  });
  const annotation = await annotate(document, annotator.id, "historic victory", {
    labelIds: [stance],
  });
  const ownerAnnotation = await annotate(document, owner.id, "ordinary families", {
    labelIds: [stance],
  });
  // A whole-document dimension, so answers about the document can be walked too.
  const genre = await db().dimension.create({
    data: {
      codebookId: codebook.id,
      key: "walker_genre",
      name: "Genre",
      scope: "DOCUMENT",
      position: 99,
      labels: { create: [{ key: "report", name: "Report", color: "#0072B2", position: 0 }] },
    },
    select: { labels: { select: { id: true } } },
  });
  const dimension = await db().dimension.findFirstOrThrow({
    where: { key: "stance", codebook: { workspaceId: workspace.id } },
    select: { id: true },
  });
  // Outside the assignment, so students see it (instructors' highlights there are answer key).
  const editorAnnotation = await annotate(second, editor.id, "historic victory", {
    labelIds: [stance],
  });
  const comment = await db().comment.create({
    data: { annotationId: annotation.id, authorId: annotator.id, body: "Is this fair?" },
    select: { id: true },
  });

  // An AI analysis of the article (the compare page), and the annotator's submission.
  await db().document.update({
    where: { id: second.id },
    data: {
      analysedDocumentId: document.id,
      kind: "AI_ANALYSIS",
      submissionStatus: "SUBMITTED",
      provenanceModel: "walker-model",
    },
  });
  const submission = await makeDocument(workspace.id, annotator.id, "Walker draft", articleText);
  await db().document.update({
    where: { id: submission.id },
    data: { kind: "SUBMISSION", submissionStatus: "CHANGES_REQUESTED" },
  });

  const collection = await db().collection.create({
    data: {
      workspaceId: workspace.id,
      name: "Walker collection",
      documents: {
        create: [
          { documentId: document.id, position: 0 },
          { documentId: second.id, position: 1 },
        ],
      },
    },
    select: { id: true },
  });
  const assignment = await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Walker assignment",
      createdById: owner.id,
      documents: { create: [{ documentId: document.id, position: 0 }] },
    },
    select: { id: true },
  });
  const snapshot = await db().datasetSnapshot.create({
    data: {
      workspaceId: workspace.id,
      number: 1,
      name: "Walker snapshot",
      format: "jsonl",
      filters: {},
      status: "READY",
      rowsDone: 0,
      rowsTotal: 0,
      byteSize: 0,
      checksum: createHash("sha256").update("").digest("hex"),
      createdById: owner.id,
      completedAt: new Date(),
    },
    select: { id: true },
  });

  const [tokenRead, tokenWrite] = await Promise.all([
    makeToken(editor.id, workspace.id, "READ"),
    makeToken(editor.id, workspace.id, "READ_WRITE"),
  ]);

  const users = { owner, editor, annotator, viewer, outsider };

  // A target of its own for a request that changes or removes it.
  const fresh = {
    async annotation(deleted = false) {
      return (await annotate(document, annotator.id, "Critics", { deleted })).id;
    },
    async collection() {
      const row = await db().collection.create({
        data: {
          workspaceId: workspace.id,
          name: "Walker scratch",
          documents: { create: [{ documentId: document.id }] },
        },
        select: { id: true },
      });
      return row.id;
    },
    async submission() {
      const row = await makeDocument(workspace.id, annotator.id, "Walker resubmit", articleText);
      await db().document.update({
        where: { id: row.id },
        data: { kind: "SUBMISSION", submissionStatus: "CHANGES_REQUESTED" },
      });
      return row.id;
    },
  };

  return {
    users,
    tokens: { tokenRead, tokenWrite },
    workspace,
    otherWorkspace,
    joinCode,
    document,
    second,
    submission,
    annotation,
    ownerAnnotation,
    editorAnnotation,
    dimension,
    comment,
    codebook,
    labelId: stance,
    genreLabelId: genre.labels[0]!.id,
    collection,
    assignment,
    snapshot,
    fresh,
  };
}

export function memberOf(
  role: MatrixRole,
): "owner" | "editor" | "annotator" | "viewer" | "outsider" | null {
  return role === "owner" ||
    role === "editor" ||
    role === "annotator" ||
    role === "viewer" ||
    role === "outsider"
    ? role
    : null;
}
