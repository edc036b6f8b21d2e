import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hasMergeMarkers } from "@/lib/review/merge-texts";
import { checkTransition } from "@/lib/review/submission-transitions";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";
import type { ResubmitSubmissionData } from "@/lib/validations/submission";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";
import { documentConflict } from "../document/document-conflict";
import {
  reanchorDocumentAnnotations,
  type ReanchorSummary,
} from "../document/reanchor-document-annotations";

import { loadSubmissionForUpdate } from "./load-submission-for-update";
import { notifySubmissionStep } from "./notify-submission-step";
import { transitionError } from "./transition-error";

type ResubmitSubmissionOptions = { userId: string; input: ResubmitSubmissionData };

export type ResubmitResult = {
  id: string;
  workspaceId: string;
  version: number;
  reanchored: ReanchorSummary;
};

// The contributor's revised text after changes were requested: a new version (its text
// kept as a revision, the highlights re-anchored onto it) and the resubmission, all in
// one transaction. A save on an older version is a conflict with both texts; a failure
// anywhere (a re-anchoring error, a lost race) leaves nothing half-written.
export async function resubmitSubmission({
  userId,
  input,
}: ResubmitSubmissionOptions): Promise<ResubmitResult> {
  const text = normalizeText(input.text);
  if (text.length === 0) {
    throw new AppError("INVALID_INPUT", "Paste the revised text.", {
      text: ["Paste the revised text."],
    });
  }

  if (hasMergeMarkers(text)) {
    const message =
      "The text still has merge markers (<<<<<<< and >>>>>>>): keep what is right and remove the markers first.";
    throw new AppError("INVALID_INPUT", message, { text: [message] });
  }

  return getDb().$transaction(
    async (tx) => {
      const { document, actor } = await loadSubmissionForUpdate({
        tx,
        userId,
        documentId: input.documentId,
      });

      const check = checkTransition({
        action: "resubmit",
        from: document.submissionStatus,
        actor,
        allowSelfApproval: document.workspace.allowSelfApproval,
        message: input.message,
      });
      // Someone else's step is refused first; then a stale version is a conflict with both
      // texts (the person can keep theirs, take the other or merge), whatever the status.
      if (!check.ok && (check.reason === "FORBIDDEN" || check.reason === "SELF_APPROVAL")) {
        throw transitionError(check);
      }
      if (input.version !== document.version) {
        throw await documentConflict({
          tx,
          documentId: document.id,
          yours: { version: input.version, title: input.title, text },
        });
      }
      if (!check.ok) {
        throw transitionError(check);
      }

      const isTextChanged = text !== document.text;
      const newVersion = isTextChanged ? document.version + 1 : document.version;

      const { count } = await tx.document.updateMany({
        where: {
          id: document.id,
          version: input.version,
          submissionStatus: document.submissionStatus,
        },
        data: {
          title: input.title,
          text,
          textHash: hashText(text),
          version: newVersion,
          submissionStatus: check.to,
        },
      });
      if (count === 0) {
        throw await documentConflict({
          tx,
          documentId: document.id,
          yours: { version: input.version, title: input.title, text },
        });
      }

      let reanchored: ReanchorSummary = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
      if (isTextChanged) {
        await tx.documentRevision.create({
          data: {
            documentId: document.id,
            version: newVersion,
            title: input.title,
            text,
            textHash: hashText(text),
            createdById: userId,
          },
        });
        reanchored = await reanchorDocumentAnnotations({
          tx,
          workspaceId: document.workspaceId,
          actorId: userId,
          documentId: document.id,
          oldText: document.text,
          newText: text,
          newVersion,
        });
      }

      await recordAuditEvent({
        tx,
        workspaceId: document.workspaceId,
        actorId: userId,
        action: "document.update",
        entityType: "document",
        entityId: document.id,
        before: {
          title: document.title,
          version: document.version,
          textHash: hashText(document.text),
        },
        after: { title: input.title, version: newVersion, textHash: hashText(text), reanchored },
      });

      const message =
        input.message ||
        (isTextChanged ? `Revised text (version ${newVersion}).` : "Resubmitted without changes.");
      await tx.submissionEvent.create({
        data: {
          documentId: document.id,
          actorId: userId,
          fromStatus: document.submissionStatus,
          toStatus: check.to,
          message,
        },
      });
      await recordAuditEvent({
        tx,
        workspaceId: document.workspaceId,
        actorId: userId,
        action: "submission.resubmit",
        entityType: "document",
        entityId: document.id,
        before: { submissionStatus: document.submissionStatus, version: document.version },
        after: { submissionStatus: check.to, version: newVersion, message },
      });
      await notifySubmissionStep({
        tx,
        action: "resubmit",
        actorId: userId,
        document,
        message,
      });

      // Readers of the document get the new text and their re-anchored highlights live
      // (last in the transaction: the live event's lock is held until commit).
      if (isTextChanged) {
        await publishLiveEvent({
          tx,
          workspaceId: document.workspaceId,
          documentId: document.id,
          kind: "document.changed",
          payload: { version: newVersion, title: input.title },
        });
      }

      return {
        id: document.id,
        workspaceId: document.workspaceId,
        version: newVersion,
        reanchored,
      };
    },
    // Re-anchoring a long revision with many highlights takes longer than the default 5 s.
    { timeout: 60_000, maxWait: 10_000 },
  );
}
