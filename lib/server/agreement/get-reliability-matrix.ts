import "server-only";

import { AppError, notFound } from "@/lib/errors/app-error";
import { collectDimensionDocuments } from "@/lib/insight/dimension-spans";
import {
  buildReliabilityMatrix,
  countMatrixCells,
  maxMatrixCells,
  MatrixTooLargeError,
  serializeReliabilityMatrix,
} from "@/lib/insight/reliability-matrix";
import { toFileName } from "@/lib/insight/to-csv";
import { indexLabels } from "@/lib/insight/types";

import { loadInsightDocuments } from "./load-insight-documents";
import { maxProjectDocuments, resolveProject, type ProjectRef } from "./resolve-project";

// The reliability matrix of one dimension as CSV (docs/agreement.md): for a document, a
// collection or the workspace. Editors and owners only: the columns are people.
export async function getReliabilityMatrix({
  userId,
  project: reference,
  dimensionId,
}: {
  userId: string;
  project: ProjectRef;
  dimensionId: string;
}): Promise<{ fileName: string; csv: string; units: number; annotators: number }> {
  const project = await resolveProject({ userId, project: reference, permission: "viewAgreement" });
  if (project.documentIds.length > maxProjectDocuments) {
    throw new AppError(
      "INVALID_INPUT",
      `This ${project.kind} has more than ${maxProjectDocuments} documents; download the matrix for a smaller collection or per document instead.`,
    );
  }

  const { documents, dimensions } = await loadInsightDocuments({
    workspaceId: project.workspaceId,
    documentIds: project.documentIds,
  });
  const dimension = dimensions.find((candidate) => candidate.id === dimensionId);
  if (!dimension) {
    throw notFound("This dimension");
  }

  const labels = indexLabels(dimensions);
  const matrixDocuments = collectDimensionDocuments(documents, dimension, labels);

  const names = new Map(
    documents.flatMap((document) =>
      document.annotators.map((annotator) => [annotator.id, annotator.name]),
    ),
  );
  const columnIds = [
    ...new Set(
      matrixDocuments.flatMap((document) => document.annotators.map((annotator) => annotator.id)),
    ),
  ];
  const columns = columnIds
    .map((id) => ({ id, header: names.get(id) ?? id }))
    .sort((left, right) => left.header.localeCompare(right.header, "en"));

  const cells = countMatrixCells(matrixDocuments, columns.length);
  if (cells > maxMatrixCells) {
    throw new AppError("INVALID_INPUT", new MatrixTooLargeError(cells).message);
  }

  const matrix = buildReliabilityMatrix({
    documents: matrixDocuments,
    columns,
    labelKey: (labelId) => labels.get(labelId)?.label.key ?? labelId,
  });
  // Unit ids carry the document's place in the project ("d2 12-18 word") when the matrix
  // can span documents; the project page lists them in the same order.
  const documentLabels =
    reference.kind === "document"
      ? new Map<string, string>()
      : new Map(documents.map((document, index) => [document.id, `d${index + 1}`]));

  return {
    fileName: `${toFileName("reliability-matrix", project.name, dimension.name)}.csv`,
    csv: serializeReliabilityMatrix(matrix, documentLabels),
    units: matrix.units.length,
    annotators: columns.length,
  };
}
