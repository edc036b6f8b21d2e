import type { CodebookPreset, PresetDimension } from "@/lib/codebooks/preset-types";
import type { Prisma } from "@/lib/db/generated/client";
import type { CodebookStatus } from "@/lib/db/generated/enums";

type CreateCodebookFromPresetOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  preset: CodebookPreset;
  isDefault: boolean;
  version?: number;
  // Published unless said otherwise: a preset is ready to use; a new version of an
  // existing codebook starts as a draft (see docs/codebooks.md).
  status?: CodebookStatus;
  guidelines?: string;
};

const scopes = { span: "SPAN", document: "DOCUMENT" } as const;
const fieldTypes = {
  labels: "LABELS",
  ordinal: "ORDINAL",
  text: "TEXT",
  target: "TARGET",
  link: "LINK",
} as const;

// The nested create data for a codebook's dimensions and labels, in their order.
export function toDimensionsData(dimensions: PresetDimension[]) {
  return dimensions.map((dimension, dimensionIndex) => ({
    key: dimension.key,
    name: dimension.name,
    description: dimension.description,
    multiple: dimension.multiple,
    required: dimension.required,
    scope: scopes[dimension.scope ?? "span"],
    fieldType: fieldTypes[dimension.fieldType ?? "labels"],
    color: dimension.color,
    position: dimensionIndex,
    labels: {
      create: dimension.labels.map((label, labelIndex) => ({
        key: label.key,
        name: label.name,
        description: label.description,
        color: label.color ?? dimension.color,
        examples: label.examples ?? [],
        counterExamples: label.counterExamples ?? [],
        shortcut: label.shortcut ?? null,
        parentKey: label.parent ?? null,
        rating: label.rating ?? null,
        position: labelIndex,
      })),
    },
  })) satisfies Prisma.DimensionCreateWithoutCodebookInput[];
}

// Writes a preset (or an imported codebook of the same shape) as a codebook version.
export async function createCodebookFromPreset({
  tx,
  workspaceId,
  preset,
  isDefault,
  version = 1,
  status = "PUBLISHED",
  guidelines = "",
}: CreateCodebookFromPresetOptions) {
  return tx.codebook.create({
    data: {
      workspaceId,
      key: preset.key,
      name: preset.name,
      description: preset.description,
      source: preset.source ?? "",
      licence: preset.licence ?? "",
      version,
      status,
      guidelines,
      isDefault,
      dimensions: { create: toDimensionsData(preset.dimensions) },
    },
    select: { id: true },
  });
}
