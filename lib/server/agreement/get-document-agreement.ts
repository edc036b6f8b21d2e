import "server-only";

import {
  createDeadline,
  DeadlineExceededError,
  defaultBudgetMs,
  describeTooManyAnnotators,
  maxAgreementAnnotators,
} from "@/lib/insight/deadline";
import {
  computeDocumentAgreement,
  type DocumentAgreementView,
} from "@/lib/insight/document-agreement";
import { computeGoldAgreement, type GoldAgreementView } from "@/lib/insight/gold-agreement";
import type { InsightDimension, InsightDocument } from "@/lib/insight/types";

import {
  countDocumentAnnotators,
  findUsedLabelIds,
  loadInsightDimensions,
  loadInsightDocuments,
} from "./load-insight-documents";
import { resolveProject } from "./resolve-project";

type DocumentSummary = { id: string; workspaceId: string; workspaceName: string; title: string };

export type DocumentAgreementResult =
  | {
      status: "ok";
      document: DocumentSummary;
      // Text, annotators and highlights, for the heat strip and "who said what".
      data: InsightDocument;
      dimensions: InsightDimension[];
      view: DocumentAgreementView;
      // Each annotator against the gold set, or why there is none.
      gold: GoldAgreementView;
      elapsedMs: number;
    }
  | {
      status: "too-many-annotators" | "timeout";
      document: DocumentSummary;
      annotators: number;
      message: string;
      // For the reliability matrix, which can still be downloaded and computed offline.
      dimensions: InsightDimension[];
    };

// The document agreement view is for editors and owners: it names who marked what. Past
// 100 annotators, or 5 seconds of computing, the answer is a message, never a hang.
export async function getDocumentAgreement({
  userId,
  documentId,
  budgetMs = defaultBudgetMs,
}: {
  userId: string;
  documentId: string;
  budgetMs?: number;
}): Promise<DocumentAgreementResult> {
  const startedAt = performance.now();
  const project = await resolveProject({
    userId,
    project: { kind: "document", id: documentId },
    permission: "viewAgreement",
  });
  const document: DocumentSummary = {
    id: documentId,
    workspaceId: project.workspaceId,
    workspaceName: project.workspaceName,
    title: project.name,
  };

  const annotators = await countDocumentAnnotators(documentId);
  if (annotators > maxAgreementAnnotators) {
    return {
      status: "too-many-annotators",
      document,
      annotators,
      message: describeTooManyAnnotators(annotators),
      dimensions: await loadInsightDimensions({
        workspaceId: project.workspaceId,
        usedLabelIds: await findUsedLabelIds([documentId]),
      }),
    };
  }

  const { documents, dimensions } = await loadInsightDocuments({
    workspaceId: project.workspaceId,
    documentIds: [documentId],
  });
  const data = documents[0]!;
  // The budget started with the request: loading counts too.
  const deadline = createDeadline(budgetMs - (performance.now() - startedAt));

  try {
    const view = computeDocumentAgreement(data, dimensions, deadline);
    const gold = computeGoldAgreement(data, dimensions, deadline);
    return {
      status: "ok",
      document,
      data,
      dimensions,
      view,
      gold,
      elapsedMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    if (error instanceof DeadlineExceededError) {
      return {
        status: "timeout",
        document,
        annotators,
        message: new DeadlineExceededError(budgetMs).message,
        dimensions,
      };
    }
    throw error;
  }
}
