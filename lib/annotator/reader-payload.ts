// The annotations a document page hands the reader, packed. On a 2,000-highlight article
// the full views were about 1.2 MB of a 1.56 MB page (React's payload repeats every key and
// escapes every quote mark), and the server's first byte waited on serialising them. Here
// each field is one array (column), authors and labels are tables the rows point into, the
// quote is left out wherever the text at the highlight's offsets already is the quote, and
// fields that are usually empty (comment, confidence, typed values) are listed only where
// they are set. The reader expands it once, on its first render.

import { createOffsetIndex, type OffsetIndex } from "@/lib/anchoring/text-position";
import type { FieldValue } from "@/lib/codebooks/field-values";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

// What the reader needs of an annotation: the view without its quote context (prefix and
// suffix serve re-anchoring on the server; the reader never shows them).
export type ReaderAnnotationView = Omit<AnnotationView, "prefix" | "suffix">;

export type ReaderPayload = {
  // [id, name] of each author, once; rows point in by index.
  authors: [string, string][];
  // Each label id used, once; rows point in by index.
  labels: string[];
  ids: string[];
  // Code points, like the database; the length rather than the end, as it is shorter.
  starts: number[];
  lengths: number[];
  authorIndexes: number[];
  labelIndexes: number[][];
  documentVersions: number[];
  revisions: number[];
  // Bit 1: orphaned; bit 2: made from a suggestion.
  flags: number[];
  // Milliseconds after `timeBase`, and updatedAt as milliseconds after createdAt.
  timeBase: number;
  created: number[];
  updatedAfter: number[];
  // Sparse, as [row, value]: only rows whose value is not the default.
  quotes: [number, string][];
  comments: [number, string][];
  confidences: [number, number][];
  values: [number, FieldValue[]][];
};

const orphanedFlag = 1;
const suggestionFlag = 2;

// Server side: `text` is the document's current text, which the offsets refer to.
export function toReaderPayload(
  annotations: readonly ReaderAnnotationView[],
  text: string,
): ReaderPayload {
  const offsets = createOffsetIndex(text);
  const authorIndex = new Map<string, number>();
  const labelIndex = new Map<string, number>();
  const times = annotations.map((annotation) => Date.parse(annotation.createdAt));
  const timeBase = times.length > 0 ? Math.min(...times) : 0;
  const payload: ReaderPayload = {
    authors: [],
    labels: [],
    ids: [],
    starts: [],
    lengths: [],
    authorIndexes: [],
    labelIndexes: [],
    documentVersions: [],
    revisions: [],
    flags: [],
    timeBase,
    created: [],
    updatedAfter: [],
    quotes: [],
    comments: [],
    confidences: [],
    values: [],
  };

  annotations.forEach((annotation, row) => {
    // An author is known by id and name together: class rules may show one person under
    // a pseudonym, and the pair is what the view carried.
    const authorKey = `${annotation.author.id}\u0000${annotation.author.name}`;
    let author = authorIndex.get(authorKey);
    if (author === undefined) {
      author = payload.authors.length;
      authorIndex.set(authorKey, author);
      payload.authors.push([annotation.author.id, annotation.author.name]);
    }

    payload.ids.push(annotation.id);
    payload.starts.push(annotation.start);
    payload.lengths.push(annotation.end - annotation.start);
    payload.authorIndexes.push(author);
    payload.labelIndexes.push(
      annotation.labelIds.map((labelId) => {
        let index = labelIndex.get(labelId);
        if (index === undefined) {
          index = payload.labels.length;
          labelIndex.set(labelId, index);
          payload.labels.push(labelId);
        }
        return index;
      }),
    );
    payload.documentVersions.push(annotation.documentVersion);
    payload.revisions.push(annotation.revision);
    payload.flags.push(
      (annotation.anchorStatus === "ORPHANED" ? orphanedFlag : 0) |
        (annotation.origin === "SUGGESTION" ? suggestionFlag : 0),
    );
    const created = times[row] as number;
    payload.created.push(created - timeBase);
    payload.updatedAfter.push(Date.parse(annotation.updatedAt) - created);

    if (quoteAt(text, offsets, annotation.start, annotation.end) !== annotation.exact) {
      payload.quotes.push([row, annotation.exact]);
    }
    if (annotation.comment !== "") {
      payload.comments.push([row, annotation.comment]);
    }
    if (annotation.confidence !== null) {
      payload.confidences.push([row, annotation.confidence]);
    }
    if (annotation.values.length > 0) {
      payload.values.push([row, annotation.values]);
    }
  });

  return payload;
}

// Client side: the annotations as the server listed them (same order, same fields).
export function expandReaderPayload(
  payload: ReaderPayload,
  { documentId, text }: { documentId: string; text: string },
): ReaderAnnotationView[] {
  const offsets = createOffsetIndex(text);
  const quotes = new Map(payload.quotes);
  const comments = new Map(payload.comments);
  const confidences = new Map(payload.confidences);
  const values = new Map(payload.values);

  return payload.ids.map((id, row) => {
    const start = payload.starts[row] as number;
    const end = start + (payload.lengths[row] as number);
    const [authorId, authorName] = payload.authors[payload.authorIndexes[row] as number] as [
      string,
      string,
    ];
    const flags = payload.flags[row] as number;
    const created = payload.timeBase + (payload.created[row] as number);
    return {
      id,
      documentId,
      documentVersion: payload.documentVersions[row] as number,
      start,
      end,
      exact: quotes.get(row) ?? (quoteAt(text, offsets, start, end) as string),
      comment: comments.get(row) ?? "",
      confidence: confidences.get(row) ?? null,
      anchorStatus: flags & orphanedFlag ? "ORPHANED" : "ANCHORED",
      origin: flags & suggestionFlag ? "SUGGESTION" : "PERSON",
      revision: payload.revisions[row] as number,
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created + (payload.updatedAfter[row] as number)).toISOString(),
      author: { id: authorId, name: authorName },
      labelIds: (payload.labelIndexes[row] ?? []).map((index) => payload.labels[index] as string),
      values: values.get(row) ?? [],
    };
  });
}

// The text between two code-point offsets, or null when they do not fit the text (an
// orphan's old offsets may lie past the end of an edited text).
function quoteAt(text: string, offsets: OffsetIndex, start: number, end: number): string | null {
  if (start < 0 || end < start || end > offsets.codePointLength) {
    return null;
  }
  return text.slice(offsets.toUtf16(start), offsets.toUtf16(end));
}
