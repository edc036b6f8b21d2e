import type { CodebookPreset } from "@/lib/codebooks/preset-types";
import type { Prisma } from "@/lib/db/generated/client";

type CreateCodebookFromPresetOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  preset: CodebookPreset;
  isDefault: boolean;
  version?: number;
};

const scopes = { span: "SPAN", document: "DOCUMENT" } as const;
const fieldTypes = { labels: "LABELS", ordinal: "ORDINAL", text: "TEXT", target: "TARGET" } as const;

// Writes a preset (or an imported codebook of the same shape) as a published codebook.
export async function createCodebookFromPreset({
  tx,
  workspaceId,
  preset,
  isDefault,
  version = 1,
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
      isDefault,
      dimensions: {
        create: preset.dimensions.map((dimension, dimensionIndex) => ({
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
        })),
      },
    },
    select: { id: true },
  });
}
