// Reads W3C Web Annotation JSON-LD: an AnnotationCollection (pages embedded), an
// AnnotationPage, one Annotation or an array of them. Written for our own export
// (lib/export/w3c.ts) but not tied to its base URL, so a file from another Framewise
// instance or another tool is read the same way:
// - the document: the last segment of target.source after "/documents/" is taken as our
//   document id, target["urn:framewise:terms:textHash"] as its text hash;
// - the highlight's id: the segment after "/annotations/" when the IRI has one (our export
//   writes one Annotation per dimension, `…/annotations/<id>/<dimension>`, so those become
//   one highlight again), else the whole id;
// - labels: SpecificResource bodies whose source ends in `/dimensions/<key>/labels/<key>`,
//   optionally after `/codebooks/<key>/versions/<n>`; the comment: a TextualBody;
// - selectors: a TextQuoteSelector and a TextPositionSelector, in code points;
// - the annotator: creator.nickname, else creator.name, else a creator IRI; Software
//   creators are suggestions.
// An item that cannot be read is reported with its position and skipped.
import { ExportError } from "@/lib/export/export-error";
import { framewiseTerms } from "@/lib/export/w3c";
import { reviewStates, type ReviewState } from "@/lib/export/types";

import type { FileAnnotation, FileLabel, FileProblem, ParsedAnnotationFile } from "./types";

type Json = Record<string, unknown>;

export function parseAnnotationW3c(source: string): ParsedAnnotationFile {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    throw new ExportError(
      `The file is not valid JSON${detail}. A W3C file is one JSON document; it may be truncated.`,
    );
  }

  const items = collectItems(json);
  const problems: FileProblem[] = [];
  const groups = new Map<string, FileAnnotation>();
  // Our export writes one item per (highlight, dimension), all with distinct ids; the
  // same id twice is a repeated item, kept apart so the plan reports it as a duplicate.
  const seenIds = new Set<string>();

  items.forEach((item, index) => {
    const position = index + 1;
    try {
      const row = readAnnotation(item, position);
      const fullId = (item as { id?: unknown }).id;
      const isRepeat = typeof fullId === "string" && seenIds.has(fullId);
      if (typeof fullId === "string") {
        seenIds.add(fullId);
      }
      const key =
        row.externalId === null || isRepeat
          ? `#${position}`
          : JSON.stringify([row.externalId, row.document.id]);
      const existing = groups.get(key);
      if (!existing) {
        groups.set(key, row);
        return;
      }
      if (existing.start !== row.start || existing.end !== row.end) {
        throw new ExportError(
          `${row.where}: it shares its id with annotation ${existing.line} but not its offsets.`,
        );
      }
      existing.labels.push(...row.labels);
      if (existing.comment === "") {
        existing.comment = row.comment;
      }
    } catch (error) {
      if (!(error instanceof ExportError)) {
        throw error;
      }
      problems.push({ line: position, where: `Annotation ${position}`, message: error.message });
    }
  });

  return { format: "w3c", annotations: [...groups.values()], problems };
}

function collectItems(json: unknown): unknown[] {
  if (Array.isArray(json)) {
    return json;
  }

  const value = asObject(json, "The W3C file");
  if (hasType(value, "Annotation")) {
    return [value];
  }
  if (hasType(value, "AnnotationPage")) {
    return pageItems(value);
  }
  if (hasType(value, "AnnotationCollection")) {
    const items: unknown[] = [];
    let page: unknown = value.first;
    while (page !== undefined && page !== null) {
      if (typeof page === "string") {
        throw new ExportError(
          `The collection links to page ${page} instead of embedding it; download the pages and import them one by one.`,
        );
      }
      const pageObject = asObject(page, "An AnnotationPage");
      items.push(...pageItems(pageObject));
      page = pageObject.next;
    }
    return items;
  }

  throw new ExportError(
    "A W3C file must hold an AnnotationCollection, an AnnotationPage, an Annotation or an array of Annotations.",
  );
}

function pageItems(page: Json): unknown[] {
  if (!Array.isArray(page.items)) {
    throw new ExportError("An AnnotationPage has no items array.");
  }
  return page.items;
}

function readAnnotation(raw: unknown, position: number): FileAnnotation {
  const item = asObject(raw, `Annotation ${position}`);
  const id = typeof item.id === "string" && item.id !== "" ? item.id : null;
  const where = `Annotation ${position}${id ? ` (${id})` : ""}`;
  const fail = (message: string): never => {
    throw new ExportError(`${where}: ${message}`);
  };

  if (!hasType(item, "Annotation")) {
    fail('type must be "Annotation".');
  }

  const target = asObject(
    Array.isArray(item.target) ? item.target[0] : item.target,
    `${where}: target`,
  );
  const source = typeof target.source === "string" ? target.source : null;
  const textHash = target[framewiseTerms.textHash];

  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector])
    .filter((selector) => selector !== undefined)
    .map((selector) => asObject(selector, `${where}: a selector`));
  const quote = selectors.find((selector) => hasType(selector, "TextQuoteSelector"));
  const position_ = selectors.find((selector) => hasType(selector, "TextPositionSelector"));
  if (!quote || !position_) {
    return fail("target.selector needs both a TextQuoteSelector and a TextPositionSelector.");
  }

  const start = readOffset(position_, "start", where);
  const end = readOffset(position_, "end", where);
  if (end <= start) {
    fail("TextPositionSelector end must be after start.");
  }
  if (typeof quote.exact !== "string" || quote.exact === "") {
    fail("TextQuoteSelector exact must be a non-empty string.");
  }

  const labels: FileLabel[] = [];
  let codebook: FileAnnotation["codebook"] = null;
  let comment = "";
  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  for (const rawBody of bodies) {
    const body = asObject(rawBody, `${where}: body`);
    if (hasType(body, "TextualBody")) {
      if (typeof body.value !== "string") {
        fail("a TextualBody has no value.");
      }
      comment = comment === "" ? (body.value as string) : `${comment}\n\n${body.value as string}`;
      continue;
    }

    const labelSource =
      typeof body.source === "string" ? body.source : typeof body.id === "string" ? body.id : "";
    const match =
      /(?:\/codebooks\/([^/]+)\/versions\/(\d+))?\/dimensions\/([^/]+)\/labels\/([^/?#]+)$/.exec(
        labelSource,
      );
    if (!match?.[3] || !match[4]) {
      return fail(
        `body.source ${JSON.stringify(labelSource)} is not a label IRI (…/dimensions/<key>/labels/<key>).`,
      );
    }
    if (match[1] && match[2]) {
      codebook = { key: decode(match[1], where), version: Number(match[2]) };
    }
    labels.push({ dimension: decode(match[3], where), label: decode(match[4], where) });
  }

  const reviewState = item[framewiseTerms.reviewState] ?? "pending";
  if (!(reviewStates as readonly unknown[]).includes(reviewState)) {
    fail(`${framewiseTerms.reviewState} must be one of ${reviewStates.join(", ")}.`);
  }
  const confidence = item[framewiseTerms.confidence] ?? null;
  if (confidence !== null && (typeof confidence !== "number" || !Number.isFinite(confidence))) {
    fail(`${framewiseTerms.confidence} must be a number.`);
  }

  const creator = readCreator(item.creator);
  const created = typeof item.created === "string" ? new Date(item.created) : null;

  return {
    line: position,
    where,
    externalId: id === null ? null : (lastSegmentAfter(id, "/annotations/", true) ?? id),
    document: {
      id: source === null ? null : lastSegmentAfter(source, "/documents/", false),
      title: null,
      text: null,
      textHash: typeof textHash === "string" ? textHash : null,
    },
    codebook,
    annotator: creator.name,
    start,
    end,
    exact: quote.exact as string,
    prefix: typeof quote.prefix === "string" ? quote.prefix : "",
    suffix: typeof quote.suffix === "string" ? quote.suffix : "",
    labels,
    comment,
    confidence: confidence as number | null,
    origin: creator.isSoftware ? "suggestion" : "person",
    reviewState: reviewState as ReviewState,
    createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
  };
}

function readCreator(value: unknown): { name: string | null; isSoftware: boolean } {
  if (typeof value === "string" && value !== "") {
    return { name: value, isSoftware: false };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { name: null, isSoftware: false };
  }
  const creator = value as Json;
  const name = [creator.nickname, creator.name, creator.id].find(
    (candidate): candidate is string => typeof candidate === "string" && candidate !== "",
  );
  return { name: name ?? null, isSoftware: hasType(creator, "Software") };
}

// `…/annotations/<id>/<dimension>` → id; `…/documents/<id>` → id (one segment only).
function lastSegmentAfter(iri: string, marker: string, allowMore: boolean): string | null {
  const at = iri.lastIndexOf(marker);
  if (at < 0) {
    return null;
  }
  const rest = iri.slice(at + marker.length).split(/[?#]/)[0] ?? "";
  const segments = rest.split("/");
  if (segments[0] === "" || (!allowMore && segments.length > 1)) {
    return null;
  }
  return decode(segments[0] ?? "", iri);
}

function readOffset(selector: Json, key: "start" | "end", where: string): number {
  const value = selector[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ExportError(`${where}: TextPositionSelector ${key} must be a whole number ≥ 0.`);
  }
  return value;
}

function asObject(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ExportError(`${where} must be a JSON object.`);
  }
  return value as Json;
}

function hasType(value: Json, type: string): boolean {
  return Array.isArray(value.type) ? value.type.includes(type) : value.type === type;
}

function decode(segment: string, where: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ExportError(`${where}: ${JSON.stringify(segment)} is not a valid IRI segment.`);
  }
}
