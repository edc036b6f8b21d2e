import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

export type AnnotatorCodebook = CodebookView;

export type AnnotatorLabel = AnnotatorCodebook["dimensions"][number]["labels"][number] & {
  dimensionName: string;
  dimensionId: string;
};

// What the reader needs of an annotation: the view without its quote context (prefix and
// suffix serve re-anchoring on the server, and on a long article they are a large share of
// the page's payload).
export type ReaderAnnotationInput = Omit<AnnotationView, "prefix" | "suffix">;

// An annotation as the reader holds it: server fields plus UTF-16 offsets for the
// DOM and a flag while an optimistic save is in flight.
export type ReaderAnnotation = ReaderAnnotationInput & {
  start16: number;
  end16: number;
  isPending?: boolean;
};
