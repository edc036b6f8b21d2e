// W3C Web Annotation Data Model (Recommendation, 2017) as JSON-LD: an AnnotationCollection
// whose first AnnotationPage is embedded with every annotation in `items`.
//
// Each ExportAnnotation row is one Annotation:
// - target: the document IRI, a TimeState pointing at the version snapshot (`cached`, with
//   `sourceDate` = the row's updatedAt, when it last matched that version), and both a
//   TextQuoteSelector and a TextPositionSelector (code points, as the spec requires);
// - body: one SpecificResource per label, `purpose` "classifying" (or "assessing" for
//   verdict dimensions such as accuracy), whose `source` is the label's IRI; plus a
//   TextualBody with purpose "commenting" for the comment;
// - motivation: assessing > classifying > commenting > highlighting, the first that fits;
// - creator: a Person (origin "person") or Software (origin "suggestion") named by the
//   annotator pseudonym.
// Typed field values (a stance target and holder, a free-text verdict, a link to another
// highlight's annotation IRI) go under urn:framewise:terms:fieldValues.
// Review state, confidence and the text hash have no term in the Annotation vocabulary; they
// are written under absolute-IRI keys (valid JSON-LD without extending @context), which
// other clients ignore.
import { ExportError } from "./export-error";
import { prepareExport } from "./prepare-export";
import {
  reviewStates,
  type ExportAnnotation,
  type ExportCodebook,
  type ExportDocument,
  type ExportInput,
  type ReviewState,
} from "./types";

export const annotationContext = "http://www.w3.org/ns/anno.jsonld";

// A URN needs no hosting and does not change with the instance's address.
export const framewiseTerms = {
  reviewState: "urn:framewise:terms:reviewState",
  confidence: "urn:framewise:terms:confidence",
  textHash: "urn:framewise:terms:textHash",
  fieldValues: "urn:framewise:terms:fieldValues",
} as const;

export type W3cFieldValue = {
  dimension: string;
  text?: string;
  target?: string;
  holder?: string;
  // The IRI of the linked highlight (its annotation IRI without a dimension).
  link?: string;
};

export type Motivation = "assessing" | "classifying" | "commenting" | "highlighting";

export type W3cTextQuoteSelector = {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
};

export type W3cTextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

export type W3cBody =
  | { type: "SpecificResource"; purpose: "classifying" | "assessing"; source: string }
  | { type: "TextualBody"; purpose: "commenting"; value: string; format: "text/plain" };

export type W3cAgent = {
  id: string;
  type: "Person" | "Software";
  nickname?: string;
  name?: string;
};

export type W3cAnnotation = {
  "@context"?: typeof annotationContext;
  id: string;
  type: "Annotation";
  motivation: Motivation;
  created: string;
  modified: string;
  creator: W3cAgent;
  generator: W3cAgent;
  body?: W3cBody[];
  target: {
    source: string;
    state: { type: "TimeState"; cached: string; sourceDate: string };
    selector: [W3cTextQuoteSelector, W3cTextPositionSelector];
    [framewiseTerms.textHash]: string;
  };
  [framewiseTerms.reviewState]: ReviewState;
  [framewiseTerms.confidence]?: number;
  [framewiseTerms.fieldValues]?: W3cFieldValue[];
};

export type W3cCollection = {
  "@context": typeof annotationContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  generator: W3cAgent;
  // Absent when empty: the model requires `first` only when `total` is above zero.
  first?: {
    id: string;
    type: "AnnotationPage";
    startIndex: 0;
    items: W3cAnnotation[];
  };
};

export type W3cOptions = {
  // Where this Framewise instance is served, e.g. "https://framewise.example.org". Every IRI
  // (documents, versions, labels, annotators, annotations) is built under it.
  baseUrl: string;
  // Default `${baseUrl}/annotations`, the container of the W3C Annotation Protocol.
  collectionId?: string;
  label?: string;
  // Dimensions whose labels are verdicts (purpose "assessing"); default ["accuracy"].
  assessingDimensions?: string[];
};

export function buildW3cCollection(input: ExportInput, options: W3cOptions): W3cCollection {
  const iris = createIris(options.baseUrl, input.codebook ?? null);
  const collectionId = options.collectionId ?? `${iris.base}/annotations`;
  const items = prepareExport(input).flatMap((entry) =>
    entry.annotations.map((annotation) =>
      toW3cAnnotation(annotation, entry.document, iris, options),
    ),
  );

  return {
    "@context": annotationContext,
    id: collectionId,
    type: "AnnotationCollection",
    label: options.label ?? "Framewise annotations",
    total: items.length,
    generator: iris.generator,
    ...(items.length > 0
      ? {
          first: {
            id: `${collectionId}?page=0`,
            type: "AnnotationPage" as const,
            startIndex: 0 as const,
            items,
          },
        }
      : {}),
  };
}

export function serializeW3c(input: ExportInput, options: W3cOptions): string {
  return `${JSON.stringify(buildW3cCollection(input, options), null, 2)}\n`;
}

// One annotation on its own, with @context, as the Annotation Protocol serves it.
export function buildW3cAnnotation(
  annotation: ExportAnnotation,
  document: ExportDocument,
  options: W3cOptions & { codebook?: ExportCodebook | null },
): W3cAnnotation {
  const [entry] = prepareExport({
    documents: [document],
    annotations: [annotation],
    codebook: options.codebook ?? null,
  });
  const iris = createIris(options.baseUrl, options.codebook ?? null);

  return {
    "@context": annotationContext,
    ...toW3cAnnotation(entry?.annotations[0] ?? annotation, document, iris, options),
  };
}

// Reads a collection (with embedded pages), a page, one annotation, or an array of
// annotations written by this module for the same `baseUrl`, back into rows. `content` is
// the JSON text or the already-parsed value.
export function parseW3c(content: unknown, options: { baseUrl: string }): ExportAnnotation[] {
  let json: unknown = content;
  if (typeof content === "string") {
    try {
      json = JSON.parse(content);
    } catch {
      throw new ExportError("The W3C export is not valid JSON.");
    }
  }

  const iris = createIris(options.baseUrl, null);
  return collectAnnotations(json).map((item, index) =>
    fromW3cAnnotation(item, iris, `Annotation ${index + 1}`),
  );
}

type Iris = ReturnType<typeof createIris>;

function createIris(baseUrl: string, codebook: ExportCodebook | null) {
  const base = baseUrl.replace(/\/+$/, "");
  const segment = encodeURIComponent;
  const labelBase = codebook
    ? `${base}/codebooks/${segment(codebook.key)}/versions/${codebook.version}`
    : base;

  return {
    base,
    generator: { id: base, type: "Software" as const, name: "Framewise" },
    document: (id: string) => `${base}/documents/${segment(id)}`,
    version: (id: string, version: number) =>
      `${base}/documents/${segment(id)}/versions/${version}`,
    annotation: (id: string, dimension: string | null) =>
      `${base}/annotations/${segment(id)}${dimension === null ? "" : `/${segment(dimension)}`}`,
    annotator: (pseudonym: string) => `${base}/annotators/${segment(pseudonym)}`,
    label: (dimension: string, label: string) =>
      `${labelBase}/dimensions/${segment(dimension)}/labels/${segment(label)}`,
  };
}

function toW3cAnnotation(
  annotation: ExportAnnotation,
  document: ExportDocument,
  iris: Iris,
  options: W3cOptions,
): W3cAnnotation {
  const isAssessing =
    annotation.dimension !== null &&
    (options.assessingDimensions ?? ["accuracy"]).includes(annotation.dimension);
  const labelPurpose = isAssessing ? "assessing" : "classifying";
  const body: W3cBody[] = annotation.labels.map((label) => ({
    type: "SpecificResource",
    purpose: labelPurpose,
    source: iris.label(annotation.dimension ?? "", label),
  }));

  if (annotation.comment !== "") {
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: annotation.comment,
      format: "text/plain",
    });
  }

  const motivation: Motivation =
    annotation.labels.length > 0
      ? labelPurpose
      : annotation.comment !== ""
        ? "commenting"
        : "highlighting";
  const isPerson = annotation.origin === "person";

  return {
    id: iris.annotation(annotation.id, annotation.dimension),
    type: "Annotation",
    motivation,
    created: annotation.createdAt.toISOString(),
    modified: annotation.updatedAt.toISOString(),
    creator: {
      id: iris.annotator(annotation.annotator),
      type: isPerson ? "Person" : "Software",
      ...(isPerson ? { nickname: annotation.annotator } : { name: annotation.annotator }),
    },
    generator: iris.generator,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: iris.document(document.id),
      state: {
        type: "TimeState",
        cached: iris.version(document.id, annotation.documentVersion),
        sourceDate: annotation.updatedAt.toISOString(),
      },
      selector: [
        {
          type: "TextQuoteSelector",
          exact: annotation.exact,
          ...(annotation.prefix !== "" ? { prefix: annotation.prefix } : {}),
          ...(annotation.suffix !== "" ? { suffix: annotation.suffix } : {}),
        },
        { type: "TextPositionSelector", start: annotation.start, end: annotation.end },
      ],
      [framewiseTerms.textHash]: document.textHash,
    },
    [framewiseTerms.reviewState]: annotation.reviewState,
    ...(annotation.confidence !== null
      ? { [framewiseTerms.confidence]: annotation.confidence }
      : {}),
    ...(annotation.values?.length
      ? {
          [framewiseTerms.fieldValues]: annotation.values.map((value) => ({
            dimension: value.dimension,
            ...(value.text !== null ? { text: value.text } : {}),
            ...(value.target !== null ? { target: value.target } : {}),
            ...(value.holder !== null ? { holder: value.holder } : {}),
            ...(value.linkedAnnotationId !== null
              ? { link: iris.annotation(value.linkedAnnotationId, null) }
              : {}),
          })),
        }
      : {}),
  };
}

type Json = Record<string, unknown>;

function collectAnnotations(json: unknown): Json[] {
  if (Array.isArray(json)) {
    return json.map((item, index) => asObject(item, `Item ${index + 1}`));
  }

  const value = asObject(json, "The W3C export");
  if (hasType(value, "Annotation")) {
    return [value];
  }

  if (hasType(value, "AnnotationPage")) {
    return pageItems(value);
  }

  if (hasType(value, "AnnotationCollection")) {
    const items: Json[] = [];
    let page: unknown = value.first;
    while (page !== undefined) {
      if (typeof page === "string") {
        throw new ExportError(
          `The collection links to page ${page} instead of embedding it; fetch the pages first.`,
        );
      }
      const pageObject = asObject(page, "An AnnotationPage");
      items.push(...pageItems(pageObject));
      page = pageObject.next;
    }
    return items;
  }

  throw new ExportError(
    "The W3C export must be an AnnotationCollection, an AnnotationPage, an Annotation or an array of Annotations.",
  );
}

function pageItems(page: Json): Json[] {
  if (!Array.isArray(page.items)) {
    throw new ExportError("An AnnotationPage has no items array.");
  }

  return page.items.map((item: unknown, index) => asObject(item, `Page item ${index + 1}`));
}

function fromW3cAnnotation(item: Json, iris: Iris, fallbackWhere: string): ExportAnnotation {
  const id = readString(item, "id", fallbackWhere);
  const where = `Annotation ${id}`;
  function fail(message: string): never {
    throw new ExportError(`${where}: ${message}`);
  }

  if (!hasType(item, "Annotation")) {
    fail('type must be "Annotation".');
  }

  const idPath = stripBase(id, `${iris.base}/annotations/`);
  if (idPath === null) {
    fail(`its id is not under ${iris.base}/annotations/.`);
  }
  const annotationId = decodeSegment(idPath.split("/")[0] ?? "", where);

  const target = asObject(item.target, `${where} target`);
  const source = readString(target, "source", `${where} target`);
  const documentPath = stripBase(source, `${iris.base}/documents/`);
  if (documentPath === null || documentPath.includes("/")) {
    fail(`target.source ${source} is not a document under ${iris.base}/documents/.`);
  }
  const documentId = decodeSegment(documentPath, where);

  const state = asObject(target.state, `${where} target.state`);
  const versionMatch = /\/versions\/(\d+)$/.exec(
    readString(state, "cached", `${where} target.state`),
  );
  if (!versionMatch?.[1]) {
    fail("target.state.cached does not name a document version.");
  }
  const documentVersion = Number(versionMatch[1]);

  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).map(
    (selector: unknown) => asObject(selector, `${where} selector`),
  );
  const quote = selectors.find((selector) => hasType(selector, "TextQuoteSelector"));
  const position = selectors.find((selector) => hasType(selector, "TextPositionSelector"));
  if (!quote || !position) {
    fail("it needs both a TextQuoteSelector and a TextPositionSelector.");
  }

  const start = readInteger(position, "start", `${where} TextPositionSelector`);
  const end = readInteger(position, "end", `${where} TextPositionSelector`);

  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  const labels: string[] = [];
  let dimension: string | null = null;
  let comment = "";

  for (const raw of bodies) {
    const body = asObject(raw, `${where} body`);
    if (hasType(body, "TextualBody")) {
      if (comment !== "") {
        fail("it has more than one comment body.");
      }
      comment = readString(body, "value", `${where} comment`);
      continue;
    }

    const labelMatch = /\/dimensions\/([^/]+)\/labels\/([^/]+)$/.exec(
      readString(body, "source", `${where} body`),
    );
    if (!labelMatch?.[1] || !labelMatch[2]) {
      fail("a body source is not a label IRI (…/dimensions/<key>/labels/<key>).");
    }
    const bodyDimension = decodeSegment(labelMatch[1], where);
    if (dimension !== null && dimension !== bodyDimension) {
      fail("its labels come from more than one dimension.");
    }
    dimension = bodyDimension;
    labels.push(decodeSegment(labelMatch[2], where));
  }

  const creator = asObject(item.creator, `${where} creator`);
  const annotator = creator.nickname ?? creator.name;
  if (typeof annotator !== "string" || annotator === "") {
    fail("creator has no nickname or name.");
  }

  const reviewState = item[framewiseTerms.reviewState] ?? "pending";
  if (!(reviewStates as readonly unknown[]).includes(reviewState)) {
    fail(`${framewiseTerms.reviewState} must be one of ${reviewStates.join(", ")}.`);
  }

  const confidence = item[framewiseTerms.confidence] ?? null;
  if (confidence !== null && (typeof confidence !== "number" || !Number.isFinite(confidence))) {
    fail(`${framewiseTerms.confidence} must be a number.`);
  }

  return {
    id: annotationId,
    documentId,
    documentVersion,
    annotator,
    start,
    end,
    exact: readString(quote, "exact", `${where} TextQuoteSelector`),
    prefix: readOptionalString(quote, "prefix", `${where} TextQuoteSelector`),
    suffix: readOptionalString(quote, "suffix", `${where} TextQuoteSelector`),
    dimension,
    labels,
    comment,
    confidence: confidence as number | null,
    origin: hasType(creator, "Software") ? "suggestion" : "person",
    reviewState: reviewState as ReviewState,
    createdAt: readDate(item, "created", where),
    updatedAt: readDate(item, "modified", where),
  };
}

function asObject(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ExportError(`${where} must be a JSON object.`);
  }

  return value as Json;
}

// JSON-LD allows `type` to be a string or an array of strings.
function hasType(value: Json, type: string): boolean {
  return Array.isArray(value.type) ? value.type.includes(type) : value.type === type;
}

function readString(value: Json, key: string, where: string): string {
  const found = value[key];
  if (typeof found !== "string") {
    throw new ExportError(`${where}: ${key} must be a string.`);
  }

  return found;
}

function readOptionalString(value: Json, key: string, where: string): string {
  return value[key] === undefined ? "" : readString(value, key, where);
}

function readInteger(value: Json, key: string, where: string): number {
  const found = value[key];
  if (typeof found !== "number" || !Number.isInteger(found) || found < 0) {
    throw new ExportError(`${where}: ${key} must be a whole number.`);
  }

  return found;
}

function readDate(value: Json, key: string, where: string): Date {
  const date = new Date(readString(value, key, where));
  if (Number.isNaN(date.getTime())) {
    throw new ExportError(`${where}: ${key} must be an ISO 8601 date-time.`);
  }

  return date;
}

function stripBase(iri: string, prefix: string): string | null {
  return iri.startsWith(prefix) && iri.length > prefix.length ? iri.slice(prefix.length) : null;
}

function decodeSegment(segment: string, where: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ExportError(`${where}: ${JSON.stringify(segment)} is not a valid IRI segment.`);
  }
}
