import "server-only";

import { createDeadline, DeadlineExceededError, defaultBudgetMs } from "@/lib/insight/deadline";
import {
  computeProjectAgreement,
  type ProjectAgreement,
  type TrendPeriod,
} from "@/lib/insight/project-agreement";
import { getOutletName, type InsightDimension } from "@/lib/insight/types";

import { loadInsightDocuments } from "./load-insight-documents";
import { maxProjectDocuments, resolveProject, type ResolvedProject } from "./resolve-project";

export type ProjectAgreementResult =
  | {
      status: "ok";
      project: ResolvedProject;
      agreement: ProjectAgreement;
      dimensions: InsightDimension[];
      // In the project's order, for "d1, d2 …" in the reliability matrix.
      documents: { id: string; title: string; outlet: string }[];
    }
  | { status: "too-many-documents" | "timeout"; project: ResolvedProject; message: string };

// Agreement across a collection or the whole workspace (editors and owners), with the
// trend by week or by day. Bounded like the document view: a message past the limits, never a hang.
export async function getProjectAgreement({
  userId,
  project: reference,
  budgetMs = defaultBudgetMs,
  trendPeriod = "week",
}: {
  userId: string;
  project: { kind: "collection" | "workspace"; id: string };
  budgetMs?: number;
  trendPeriod?: TrendPeriod;
}): Promise<ProjectAgreementResult> {
  const startedAt = performance.now();
  const project = await resolveProject({ userId, project: reference, permission: "viewAgreement" });

  if (project.documentIds.length > maxProjectDocuments) {
    return {
      status: "too-many-documents",
      project,
      message: `This ${project.kind} has more than ${maxProjectDocuments} documents; agreement across documents covers at most ${maxProjectDocuments}. Group the documents you want to compare in a smaller collection.`,
    };
  }

  const { documents, dimensions } = await loadInsightDocuments({
    workspaceId: project.workspaceId,
    documentIds: project.documentIds,
  });
  const deadline = createDeadline(budgetMs - (performance.now() - startedAt));

  try {
    return {
      status: "ok",
      project,
      agreement: computeProjectAgreement(documents, dimensions, deadline, trendPeriod),
      dimensions,
      documents: documents.map((document) => ({
        id: document.id,
        title: document.title,
        outlet: getOutletName(document),
      })),
    };
  } catch (error) {
    if (error instanceof DeadlineExceededError) {
      return { status: "timeout", project, message: new DeadlineExceededError(budgetMs).message };
    }
    throw error;
  }
}
