import type { AnnotatorCodebook } from "@/components/annotator/types";
import type { PresetDimension, PresetLabel } from "@/lib/codebooks/preset-types";

export type PreviewLabel = PresetLabel & { uid: string; id: string | null };
export type PreviewDimension = Omit<PresetDimension, "labels"> & {
  uid: string;
  labels: PreviewLabel[];
};

type PreviewSource = {
  id: string;
  workspaceId: string;
  name: string;
  version: number;
  dimensions: PreviewDimension[];
};

const fieldTypes = {
  labels: "LABELS",
  ordinal: "ORDINAL",
  text: "TEXT",
  target: "TARGET",
  link: "LINK",
} as const;

// The editor's codebook in the shape the annotator's popover reads, selected as
// getDefaultCodebook selects it (passage dimensions only, in order), so the preview is
// the popover annotators will see. Saved labels keep their ids, so "Guidelines for…"
// links to their pages; new ones get temporary ids until saved.
export function toPreviewCodebook(source: PreviewSource): AnnotatorCodebook {
  return {
    id: source.id,
    workspaceId: source.workspaceId,
    name: source.name,
    version: source.version,
    dimensions: source.dimensions
      .filter((dimension) => (dimension.scope ?? "span") === "span")
      .map((dimension) => ({
        id: dimension.uid,
        key: dimension.key,
        name: dimension.name,
        description: dimension.description,
        multiple: dimension.multiple,
        required: dimension.required,
        fieldType: fieldTypes[dimension.fieldType ?? "labels"],
        labels: dimension.labels.map((label) => ({
          id: label.id ?? label.uid,
          key: label.key,
          name: label.name,
          description: label.description,
          color: label.color ?? dimension.color,
          examples: (label.examples ?? []).map((example) => example.trim()).filter(Boolean),
          shortcut: label.shortcut?.trim() || null,
          rating: label.rating ?? null,
        })),
      })),
  };
}
