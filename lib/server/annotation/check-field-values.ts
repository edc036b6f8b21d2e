import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import {
  findMissingRequired,
  hasValueField,
  normaliseFieldValue,
  type FieldValue,
  type FieldValueInput,
} from "@/lib/codebooks/field-values";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";
import { findReaderCodebook } from "../codebook/find-reader-codebook";

type CheckFieldValuesOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  workspaceId: string;
  documentId: string;
  // The highlight being edited (a link may not point at it); null when creating.
  annotationId: string | null;
  labelIds: readonly string[];
  values: readonly FieldValueInput[];
};

function invalid(dimensionKey: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [`values.${dimensionKey}`]: [message] });
}

// A highlight's typed field values against the codebook the document is read with: each
// names a passage dimension with a typed field and only the parts that field takes; a link
// points at another live highlight of the same document that this person may see; and
// every required dimension is answered. Returns the values to store (empty ones dropped).
export async function checkFieldValues({
  tx,
  userId,
  workspaceId,
  documentId,
  annotationId,
  labelIds,
  values,
}: CheckFieldValuesOptions): Promise<FieldValue[]> {
  const codebook = await findReaderCodebook({ tx, workspaceId, documentId });
  const dimensions = (codebook?.dimensions ?? []).filter((dimension) => dimension.scope === "SPAN");
  const byKey = new Map(dimensions.map((dimension) => [dimension.key, dimension]));

  const checked: FieldValue[] = [];
  for (const input of values) {
    const dimension = byKey.get(input.dimensionKey);
    if (!dimension) {
      throw invalid(
        input.dimensionKey,
        `“${input.dimensionKey}” is not a passage dimension of this document's codebook. Reload the page to tag with the current codebook.`,
      );
    }
    if (!hasValueField(dimension.fieldType)) {
      throw invalid(dimension.key, `${dimension.name} takes labels only, no other value.`);
    }
    const result = normaliseFieldValue(dimension.fieldType, input, dimension.name);
    if (!result.ok) {
      throw invalid(dimension.key, result.message);
    }
    if (result.value) {
      checked.push(result.value);
    }
  }

  await checkLinks({ tx, userId, documentId, annotationId, values: checked });

  const missing = findMissingRequired(dimensions, labelIds, checked);
  const first = missing[0];
  if (first) {
    throw new AppError(
      "INVALID_INPUT",
      missing.map((entry) => entry.message).join(" "),
      Object.fromEntries(missing.map((entry) => [`values.${entry.dimensionKey}`, [entry.message]])),
    );
  }

  return checked;
}

type CheckLinksOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  documentId: string;
  annotationId: string | null;
  values: readonly FieldValue[];
};

// A link must point at a live highlight of the same document that the person can see
// (in a blind assignment, only their own), and not at the highlight itself. Anything else
// is reported the same way, so a link cannot probe for highlights the person may not see.
async function checkLinks({ tx, userId, documentId, annotationId, values }: CheckLinksOptions) {
  const links = values.filter((value) => value.linkedAnnotationId !== null);
  if (links.length === 0) {
    return;
  }

  for (const value of links) {
    if (value.linkedAnnotationId === annotationId) {
      throw invalid(value.dimensionKey, "A highlight cannot link to itself.");
    }
  }

  const targets = await tx.annotation.findMany({
    where: {
      id: { in: links.map((value) => value.linkedAnnotationId ?? "") },
      documentId,
      deletedAt: null,
    },
    select: { id: true, authorId: true },
  });
  const context = await loadClassContext({ documentId, tx });
  const policy = context ? decideViewerPolicy(context, userId, new Date()) : null;
  const visible = new Set(
    targets
      .filter((target) => policy !== null && canSeeAuthor(policy, target.authorId))
      .map((target) => target.id),
  );

  for (const value of links) {
    if (!visible.has(value.linkedAnnotationId ?? "")) {
      throw invalid(
        value.dimensionKey,
        "The linked highlight is not a highlight of this document that you can see. Choose another one.",
      );
    }
  }
}
