import type { CodebookPreset } from "@/lib/codebooks/preset-types";
import type { Prisma } from "@/lib/db/generated/client";

type CreateCodebookFromPresetOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  preset: CodebookPreset;
  isDefault: boolean;
};

export async function createCodebookFromPreset({
  tx,
  workspaceId,
  preset,
  isDefault,
}: CreateCodebookFromPresetOptions) {
  return tx.codebook.create({
    data: {
      workspaceId,
      key: preset.key,
      name: preset.name,
      description: preset.description,
      isDefault,
      dimensions: {
        create: preset.dimensions.map((dimension, dimensionIndex) => ({
          key: dimension.key,
          name: dimension.name,
          description: dimension.description,
          multiple: dimension.multiple,
          required: dimension.required,
          position: dimensionIndex,
          labels: {
            create: dimension.labels.map((label, labelIndex) => ({
              key: label.key,
              name: label.name,
              description: label.description,
              color: dimension.color,
              position: labelIndex,
            })),
          },
        })),
      },
    },
    select: { id: true },
  });
}
