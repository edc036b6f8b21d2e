// Decides, for every highlight of an annotation file, what importing it would do, without
// touching a database: the server loads the workspace's documents, codebooks and existing
// highlights into a PlanContext, and both the dry run and the real import use this plan.
//
// Per row, in order: the document (match-document.ts), the codebook and labels (dimension
// key + label key), the offsets (text[start:end] must equal the quote; when the document
// was edited since the file was written, the highlight is re-anchored as the annotator
// does, lib/anchoring/reanchor.ts), the values, then duplicates (an existing highlight
// with the file's id, or with the same span, labels and annotator; or an earlier row of
// the same file).
import { createReanchorer, type ReanchorResult } from "@/lib/anchoring/reanchor";
import { defaultContextLength } from "@/lib/anchoring/quote-context";
import { createOffsetIndex, type OffsetIndex } from "@/lib/anchoring/text-position";
import { quoteForMessage } from "@/lib/export/export-error";
import type { AnnotationOrigin } from "@/lib/export/types";
import { limits } from "@/lib/validations/limits";

import { createDocumentIndex } from "./match-document";
import type { FileAnnotation, ParsedAnnotationFile } from "./types";

export type PlanDocument = {
  id: string;
  title: string;
  text: string;
  textHash: string;
  version: number;
};

export type PlanCodebook = {
  id: string;
  key: string;
  name: string;
  version: number;
  isPublished: boolean;
  dimensions: {
    key: string;
    name: string;
    multiple: boolean;
    labels: { id: string; key: string }[];
  }[];
};

// A live highlight already in the workspace. `annotator` is how exports name it (the
// external annotator, else the author's pseudonym), so a file exported from this
// workspace is recognised.
export type PlanExisting = {
  id: string;
  documentId: string;
  externalId: string | null;
  annotator: string;
  start: number;
  end: number;
  labelIds: string[];
};

export type PlanContext = {
  documents: PlanDocument[];
  codebooks: PlanCodebook[];
  // Labels of rows that name no codebook resolve here (the one the person chose, or the
  // workspace's default).
  targetCodebookId: string | null;
  existing: PlanExisting[];
  // How exports name the importing person: rows without an annotator become theirs.
  importerAnnotator: string;
};

export const planStatuses = [
  "create",
  "duplicate",
  "document-not-found",
  "unknown-codebook",
  "unknown-label",
  "offsets-mismatch",
  "invalid",
] as const;
export type PlanStatus = (typeof planStatuses)[number];

// What gets written for a row to create.
export type PlannedAnnotation = {
  documentId: string;
  documentVersion: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  labelIds: string[];
  comment: string;
  confidence: number | null;
  origin: AnnotationOrigin;
  reviewState: "PENDING" | "ACCEPTED" | "REJECTED" | "EDITED";
  isGold: boolean;
  externalAnnotator: string | null;
  externalId: string | null;
  createdAt: Date | null;
};

export type PlanRow = {
  line: number;
  where: string;
  externalId: string | null;
  annotator: string | null;
  document: { id: string; title: string } | null;
  start: number | null;
  end: number | null;
  quote: string | null;
  labels: string[];
  status: PlanStatus;
  message: string;
  // Set when the highlight was moved onto the document's current text.
  reanchored: { start: number; end: number; method: string; score: number } | null;
  create: PlannedAnnotation | null;
};

export type ImportPlan = {
  rows: PlanRow[];
  counts: Record<PlanStatus, number>;
};

export function planAnnotationImport(file: ParsedAnnotationFile, context: PlanContext): ImportPlan {
  const documents = createDocumentIndex(context.documents);
  const codebooksByKey = new Map(
    context.codebooks.map((codebook) => [`${codebook.key}@${codebook.version}`, codebook]),
  );
  const target = context.codebooks.find((codebook) => codebook.id === context.targetCodebookId);
  const offsetIndexes = new Map<string, OffsetIndex>();
  const reanchorers = new Map<
    string,
    (selector: Parameters<ReturnType<typeof createReanchorer>>[0]) => ReanchorResult
  >();
  const existingByDocument = groupBy(context.existing, (row) => row.documentId);
  // Rows planned for creation so far, to catch a file that repeats itself.
  const planned = new Map<string, PlanRow[]>();

  const rows: PlanRow[] = file.problems.map((problem) => ({
    line: problem.line,
    where: problem.where,
    externalId: null,
    annotator: null,
    document: null,
    start: null,
    end: null,
    quote: null,
    labels: [],
    status: "invalid",
    message: problem.message,
    reanchored: null,
    create: null,
  }));

  for (const item of file.annotations) {
    const base: PlanRow = {
      line: item.line,
      where: item.where,
      externalId: item.externalId,
      annotator: item.annotator,
      document: null,
      start: item.start,
      end: item.end,
      quote: item.exact,
      labels: item.labels.map((label) => `${label.dimension}:${label.label}`),
      status: "create",
      message: "",
      reanchored: null,
      create: null,
    };
    const reject = (status: PlanStatus, message: string): PlanRow => ({ ...base, status, message });
    rows.push(
      planRow(item, base, reject, {
        context,
        documents,
        codebooksByKey,
        target,
        offsetIndexes,
        reanchorers,
        existingByDocument,
        planned,
      }),
    );
  }

  rows.sort((a, b) => a.line - b.line || a.where.localeCompare(b.where));
  const counts = Object.fromEntries(planStatuses.map((status) => [status, 0])) as Record<
    PlanStatus,
    number
  >;
  for (const row of rows) {
    counts[row.status] += 1;
  }

  return { rows, counts };
}

type PlanState = {
  context: PlanContext;
  documents: ReturnType<typeof createDocumentIndex<PlanDocument>>;
  codebooksByKey: Map<string, PlanCodebook>;
  target: PlanCodebook | undefined;
  offsetIndexes: Map<string, OffsetIndex>;
  reanchorers: Map<
    string,
    (selector: Parameters<ReturnType<typeof createReanchorer>>[0]) => ReanchorResult
  >;
  existingByDocument: Map<string, PlanExisting[]>;
  planned: Map<string, PlanRow[]>;
};

function planRow(
  item: FileAnnotation,
  base: PlanRow,
  reject: (status: PlanStatus, message: string) => PlanRow,
  state: PlanState,
): PlanRow {
  const where = item.where;

  // 1. The document.
  const match = state.documents.match(item.document);
  if (!match.ok) {
    return reject("document-not-found", `${where}: ${match.message}`);
  }
  const document = match.document;
  base.document = { id: document.id, title: document.title };

  // 2. The codebook and labels.
  let codebook = state.target;
  if (item.codebook) {
    const named = state.codebooksByKey.get(`${item.codebook.key}@${item.codebook.version}`);
    const field = item.document.text !== null ? "meta.codebook" : "body.source";
    if (!named) {
      return reject(
        "unknown-codebook",
        `${where}, ${field}: this workspace has no codebook "${item.codebook.key}" version ${item.codebook.version}.`,
      );
    }
    if (!named.isPublished) {
      return reject(
        "unknown-codebook",
        `${where}, ${field}: version ${named.version} of "${named.name}" is not the published version; import with the published version or migrate the labels first.`,
      );
    }
    codebook = named;
  }

  const labelIds: string[] = [];
  if (item.labels.length > 0) {
    if (!codebook) {
      return reject(
        "unknown-codebook",
        `${where}: this workspace has no codebook to resolve labels in.`,
      );
    }
    const perDimension = new Map<string, number>();
    for (const label of item.labels) {
      const dimension = codebook.dimensions.find((candidate) => candidate.key === label.dimension);
      if (!dimension) {
        return reject(
          "unknown-label",
          `${where}, dimension: "${label.dimension}" is not a dimension of "${codebook.name}" version ${codebook.version}.`,
        );
      }
      const found = dimension.labels.find((candidate) => candidate.key === label.label);
      if (!found) {
        return reject(
          "unknown-label",
          `${where}, label: "${label.label}" is not a label of ${dimension.name} in "${codebook.name}" version ${codebook.version}.`,
        );
      }
      if (labelIds.includes(found.id)) {
        continue;
      }
      labelIds.push(found.id);
      const count = (perDimension.get(dimension.key) ?? 0) + 1;
      perDimension.set(dimension.key, count);
      if (!dimension.multiple && count > 1) {
        return reject(
          "invalid",
          `${where}, label: ${dimension.name} takes one label per highlight.`,
        );
      }
    }
  }

  // 3. The offsets.
  const placed = placeSpan(item, document, state);
  if (!placed.ok) {
    return reject("offsets-mismatch", `${where}: ${placed.message}`);
  }
  base.start = placed.start;
  base.end = placed.end;
  base.reanchored = placed.reanchored;

  // 4. The values.
  if (item.comment.trim().length > limits.commentMax) {
    return reject("invalid", `${where}, comment: at most ${limits.commentMax} characters.`);
  }
  if (
    item.confidence !== null &&
    !(Number.isInteger(item.confidence) && item.confidence >= 1 && item.confidence <= 3)
  ) {
    return reject(
      "invalid",
      `${where}, confidence: must be 1, 2 or 3 (or null), not ${item.confidence}.`,
    );
  }
  if (item.annotator !== null && item.annotator.length > limits.nameMax * 2) {
    return reject("invalid", `${where}, annotator: at most ${limits.nameMax * 2} characters.`);
  }

  // 5. Duplicates.
  const annotator = item.annotator ?? state.context.importerAnnotator;
  const sortedLabels = [...labelIds].sort();
  const sameContent = (row: {
    start: number;
    end: number;
    annotator: string;
    labelIds: string[];
  }) =>
    row.start === placed.start &&
    row.end === placed.end &&
    row.annotator === annotator &&
    sameList([...row.labelIds].sort(), sortedLabels);

  for (const existing of state.existingByDocument.get(document.id) ?? []) {
    if (
      item.externalId !== null &&
      (existing.externalId === item.externalId || existing.id === item.externalId)
    ) {
      return reject(
        "duplicate",
        `${where}: already in the workspace (highlight ${existing.id} has the file's id ${item.externalId}).`,
      );
    }
    if (sameContent(existing)) {
      return reject(
        "duplicate",
        `${where}: already in the workspace (highlight ${existing.id} has the same span, labels and annotator).`,
      );
    }
  }

  const key = document.id;
  for (const earlier of state.planned.get(key) ?? []) {
    const created = earlier.create;
    if (!created) {
      continue;
    }
    const isSameId = item.externalId !== null && created.externalId === item.externalId;
    if (
      isSameId ||
      sameContent({
        start: created.start,
        end: created.end,
        annotator: created.externalAnnotator ?? state.context.importerAnnotator,
        labelIds: created.labelIds,
      })
    ) {
      return reject("duplicate", `${where}: repeats ${earlier.where} of the same file.`);
    }
  }

  const row: PlanRow = {
    ...base,
    status: "create",
    message: placed.reanchored
      ? `Re-anchored: the document changed since the file was written; the highlight moves from ${item.start}–${item.end} to ${placed.start}–${placed.end} (${placed.reanchored.method}, score ${placed.reanchored.score.toFixed(2)}).`
      : "Would be created.",
    create: {
      documentId: document.id,
      documentVersion: document.version,
      start: placed.start,
      end: placed.end,
      exact: placed.exact,
      prefix: placed.prefix,
      suffix: placed.suffix,
      labelIds,
      comment: item.comment.trim(),
      confidence: item.confidence,
      origin: item.origin,
      reviewState:
        item.reviewState === "gold"
          ? "ACCEPTED"
          : (item.reviewState.toUpperCase() as PlannedAnnotation["reviewState"]),
      isGold: item.reviewState === "gold",
      externalAnnotator: item.annotator,
      externalId: item.externalId,
      createdAt: item.createdAt,
    },
  };
  state.planned.set(key, [...(state.planned.get(key) ?? []), row]);
  return row;
}

type Placement =
  | {
      ok: true;
      start: number;
      end: number;
      exact: string;
      prefix: string;
      suffix: string;
      reanchored: PlanRow["reanchored"];
    }
  | { ok: false; message: string };

function placeSpan(item: FileAnnotation, document: PlanDocument, state: PlanState): Placement {
  let index = state.offsetIndexes.get(document.id);
  if (!index) {
    index = createOffsetIndex(document.text);
    state.offsetIndexes.set(document.id, index);
  }

  const inRange = item.end <= index.codePointLength && item.start < item.end;
  const actual = inRange
    ? document.text.slice(index.toUtf16(item.start), index.toUtf16(item.end))
    : null;
  if (actual === item.exact) {
    if (actual.trim() === "") {
      return { ok: false, message: "the highlight holds only spaces or line breaks." };
    }
    // The same 32 code points of context the annotator stores, read through the cached
    // index (describeQuote would index the whole text again for every row).
    const context = defaultContextLength;
    const prefix = document.text.slice(
      index.toUtf16(Math.max(0, item.start - context)),
      index.toUtf16(item.start),
    );
    const suffix = document.text.slice(
      index.toUtf16(item.end),
      index.toUtf16(Math.min(index.codePointLength, item.end + context)),
    );
    return {
      ok: true,
      start: item.start,
      end: item.end,
      exact: actual,
      prefix,
      suffix,
      reanchored: null,
    };
  }

  // The file describes the text it was written on; when that is the current text, the
  // offsets are simply wrong and nothing is guessed.
  const isSameText =
    item.document.text !== null
      ? item.document.text === document.text
      : item.document.textHash !== null && item.document.textHash === document.textHash;
  const found =
    actual === null
      ? `they are outside the text (${index.codePointLength} characters)`
      : `text[${item.start}:${item.end}] is ${quoteForMessage(actual)}`;
  if (isSameText) {
    return {
      ok: false,
      message: `the offsets do not match the quote: ${found}, the file says ${quoteForMessage(item.exact)}.`,
    };
  }

  const key = `${document.id}\u0000${item.document.text ?? ""}`;
  let reanchor = state.reanchorers.get(key);
  if (!reanchor) {
    reanchor = createReanchorer(
      item.document.text !== null
        ? { oldText: item.document.text, newText: document.text }
        : { newText: document.text },
    );
    state.reanchorers.set(key, reanchor);
  }
  const result = reanchor(item);
  if (result.status === "orphaned") {
    return {
      ok: false,
      message: `the offsets do not match the quote (${found}, the file says ${quoteForMessage(item.exact)}) and the quote was not found in the document's current text.`,
    };
  }

  return {
    ok: true,
    start: result.start,
    end: result.end,
    exact: result.exact,
    prefix: result.prefix,
    suffix: result.suffix,
    reanchored: {
      start: result.start,
      end: result.end,
      method: result.method,
      score: result.score,
    },
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    const group = groups.get(value);
    if (group) {
      group.push(item);
    } else {
      groups.set(value, [item]);
    }
  }
  return groups;
}
