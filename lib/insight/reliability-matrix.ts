import {
  computeKrippendorffAlphaFromCounts,
  createUndefined,
  labelTokens,
  tokenizeWords,
  type AlphaResult,
  type AnnotatorSpans,
  type MultiLabelSpan,
} from "../agreement";
import { createOffsetIndex } from "../anchoring/text-position";

import { toCsv } from "./to-csv";

// The reliability matrix of one dimension: one row per unit, one column per annotator, in
// the layout R's irr (after t()) and Python's krippendorff (after .T) read.
// - A unit is a word token (lib/agreement/tokenize.ts: runs of letters/digits, or one other
//   non-space character), the same units as the token-level measures, so α computed from the
//   file equals the token α on the page.
// - The value is the annotator's label key on that token ("Loaded_Language"), several
//   sorted and joined with "+", or "O" (outside, as in BIO) when they marked nothing there.
// - "NA" when the annotator is not an annotator of that unit's document.

export const outsideValue = "O";
export const missingValue = "NA";
// Above this many cells the file is refused with a message rather than built.
export const maxMatrixCells = 3_000_000;

export type MatrixDocument = {
  id: string;
  text: string;
  // Spans carry label ids of this dimension; annotators not listed are missing (NA).
  annotators: readonly AnnotatorSpans<MultiLabelSpan>[];
};

export type MatrixUnit = { documentId: string; start: number; end: number; text: string };

export type ReliabilityMatrix = {
  columns: { id: string; header: string }[];
  units: MatrixUnit[];
  // units × columns; null is missing.
  values: (string | null)[][];
};

export class MatrixTooLargeError extends Error {
  constructor(readonly cells: number) {
    super(
      `The reliability matrix would have ${cells.toLocaleString("en")} cells (limit ${maxMatrixCells.toLocaleString("en")}); download it per document instead.`,
    );
    this.name = "MatrixTooLargeError";
  }
}

export function countMatrixCells(
  documents: readonly Pick<MatrixDocument, "text">[],
  columns: number,
) {
  return (
    documents.reduce((sum, document) => sum + tokenizeWords(document.text).length, 0) * columns
  );
}

export function buildReliabilityMatrix(options: {
  documents: readonly MatrixDocument[];
  columns: readonly { id: string; header: string }[];
  labelKey: (labelId: string) => string;
}): ReliabilityMatrix {
  const { documents, columns, labelKey } = options;
  const columnIndex = new Map(columns.map((column, index) => [column.id, index]));
  const tokenized = documents.map((document) => tokenizeWords(document.text));
  const cells = tokenized.reduce((sum, tokens) => sum + tokens.length, 0) * columns.length;

  if (cells > maxMatrixCells) {
    throw new MatrixTooLargeError(cells);
  }

  const units: MatrixUnit[] = [];
  const values: (string | null)[][] = [];

  documents.forEach((document, documentIndex) => {
    const tokens = tokenized[documentIndex]!;
    const offsets = createOffsetIndex(document.text);
    const rows = tokens.map(() => new Array<string | null>(columns.length).fill(null));

    for (const annotator of document.annotators) {
      const column = columnIndex.get(annotator.id);
      if (column === undefined) {
        continue;
      }
      const perToken = labelTokens(tokens, annotator.spans);
      perToken.forEach((labelIds, token) => {
        rows[token]![column] =
          labelIds.length === 0 ? outsideValue : labelIds.map(labelKey).sort().join("+");
      });
    }

    tokens.forEach((token, index) => {
      units.push({
        documentId: document.id,
        start: token.start,
        end: token.end,
        text: document.text.slice(offsets.toUtf16(token.start), offsets.toUtf16(token.end)),
      });
      values.push(rows[index]!);
    });
  });

  return { columns: columns.map((column) => ({ ...column })), units, values };
}

// Nominal α over the matrix: each unit's values counted, units with fewer than two values
// ignored (the coincidence-matrix form). What R or Python compute from the CSV.
export function computeMatrixAlpha(matrix: ReliabilityMatrix): AlphaResult {
  const counter = createValueCounter();

  for (const row of matrix.values) {
    counter.addUnit(
      row.flatMap((value, column) => (value === null ? [] : [{ column: String(column), value }])),
    );
  }

  return counter.computeAlpha();
}

// The same α without building the matrix: per token, how many annotators gave each label
// set. Memory grows with tokens × distinct label sets, not tokens × annotators, so it
// serves whole projects.
export function computeTokenAlpha(documents: readonly MatrixDocument[]): AlphaResult {
  const counter = createValueCounter();

  for (const document of documents) {
    const tokens = tokenizeWords(document.text);
    const perAnnotator = document.annotators.map((annotator) => ({
      id: annotator.id,
      labels: labelTokens(tokens, annotator.spans),
    }));
    tokens.forEach((_, token) => {
      counter.addUnit(
        perAnnotator.map(({ id, labels }) => ({
          column: id,
          value: labels[token]!.length === 0 ? outsideValue : labels[token]!.join("+"),
        })),
      );
    });
  }

  return counter.computeAlpha();
}

function createValueCounter() {
  const valueIds = new Map<string, number>();
  const rows: number[][] = [];
  const columns = new Set<string>();

  return {
    addUnit(values: readonly { column: string; value: string }[]) {
      const counts: number[] = [];
      for (const { column, value } of values) {
        columns.add(column);
        let id = valueIds.get(value);
        if (id === undefined) {
          id = valueIds.size;
          valueIds.set(value, id);
        }
        counts[id] = (counts[id] ?? 0) + 1;
      }
      rows.push(Array.from({ length: counts.length }, (_, index) => counts[index] ?? 0));
    },
    computeAlpha(): AlphaResult {
      if (columns.size < 2) {
        return createUndefined("too-few-annotators", "Agreement needs at least two annotators.", {
          units: rows.length,
          annotators: columns.size,
          values: 0,
        });
      }
      const result = computeKrippendorffAlphaFromCounts(rows, {
        level: "nominal",
        values: Array.from({ length: valueIds.size }, (_, id) => id + 1),
      });
      // The count form cannot know who rated; report the annotators that gave any value.
      return { ...result, n: { ...result.n, annotators: columns.size } } as AlphaResult;
    },
  };
}

// Unit ids are "start-end word" (code points), prefixed with the document's label when the
// matrix spans several documents, so R's row.names and pandas' index_col stay unique.
export function serializeReliabilityMatrix(
  matrix: ReliabilityMatrix,
  documentLabels: ReadonlyMap<string, string> = new Map(),
): string {
  const rows = matrix.units.map((unit, index) => {
    const prefix = documentLabels.get(unit.documentId);
    const id = `${prefix ? `${prefix} ` : ""}${unit.start}-${unit.end} ${unit.text}`;
    return [id, ...matrix.values[index]!.map((value) => value ?? missingValue)];
  });

  return toCsv(["unit", ...uniqueHeaders(matrix.columns.map((column) => column.header))], rows);
}

// Two annotators with the same name get "(2)", "(3)" … so every column name is distinct.
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();

  return headers.map((header) => {
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}
