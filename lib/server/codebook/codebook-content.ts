import "server-only";

import { codebookSchemaVersion } from "@/lib/codebooks/validate-codebook";
import type { PresetDimension, PresetLabel } from "@/lib/codebooks/preset-types";
import type { Prisma } from "@/lib/db/generated/client";
import type { CodebookFile } from "@/lib/validations/codebook";

// Everything a codebook version holds, in the order people set it.
export const codebookContentSelect = {
  id: true,
  workspaceId: true,
  key: true,
  name: true,
  description: true,
  version: true,
  status: true,
  guidelines: true,
  source: true,
  licence: true,
  isDefault: true,
  createdAt: true,
  updatedAt: true,
  dimensions: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      multiple: true,
      required: true,
      scope: true,
      fieldType: true,
      color: true,
      labels: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          name: true,
          description: true,
          color: true,
          examples: true,
          counterExamples: true,
          shortcut: true,
          parentKey: true,
          rating: true,
        },
      },
    },
  },
} as const satisfies Prisma.CodebookSelect;

export type CodebookContent = Prisma.CodebookGetPayload<{ select: typeof codebookContentSelect }>;

const scopeNames = { SPAN: "span", DOCUMENT: "document" } as const;
const fieldTypeNames = {
  LABELS: "labels",
  ORDINAL: "ordinal",
  TEXT: "text",
  TARGET: "target",
  LINK: "link",
} as const;

// A stored version as a codebook file (the import/export JSON). Optional fields are left
// out when empty, so an exported preset reads like the preset it came from.
export function toCodebookFile(codebook: CodebookContent): CodebookFile {
  return {
    schemaVersion: codebookSchemaVersion,
    key: codebook.key,
    name: codebook.name,
    description: codebook.description,
    source: codebook.source,
    licence: codebook.licence,
    guidelines: codebook.guidelines,
    dimensions: codebook.dimensions.map((dimension): PresetDimension => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      multiple: dimension.multiple,
      required: dimension.required,
      scope: scopeNames[dimension.scope],
      fieldType: fieldTypeNames[dimension.fieldType],
      color: dimension.color,
      labels: dimension.labels.map((label): PresetLabel => {
        const entry: PresetLabel = {
          key: label.key,
          name: label.name,
          description: label.description,
        };
        if (label.examples.length > 0) {
          entry.examples = label.examples;
        }
        if (label.counterExamples.length > 0) {
          entry.counterExamples = label.counterExamples;
        }
        if (label.parentKey !== null) {
          entry.parent = label.parentKey;
        }
        if (label.shortcut !== null) {
          entry.shortcut = label.shortcut;
        }
        entry.color = label.color;
        if (label.rating !== null) {
          entry.rating = label.rating;
        }
        return entry;
      }),
    })),
  };
}

// Labels keep their identity across versions by (dimension key, label key).
export function labelPath(dimensionKey: string, labelKey: string): string {
  return JSON.stringify([dimensionKey, labelKey]);
}
