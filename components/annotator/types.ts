import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";
import type { ReaderAnnotationView } from "@/lib/annotator/reader-payload";

export type AnnotatorCodebook = CodebookView;

export type AnnotatorLabel = AnnotatorCodebook["dimensions"][number]["labels"][number] & {
  dimensionName: string;
  dimensionId: string;
};

// What the reader needs of an annotation (lib/annotator/reader-payload.ts).
export type ReaderAnnotationInput = ReaderAnnotationView;

// An annotation as the reader holds it: server fields plus UTF-16 offsets for the
// DOM and a flag while an optimistic save is in flight.
export type ReaderAnnotation = ReaderAnnotationInput & {
  start16: number;
  end16: number;
  isPending?: boolean;
};
