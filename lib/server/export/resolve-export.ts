import "server-only";

import { getOrdinalScale } from "@/lib/codebooks/get-ordinal-scale";
import type { CodebookPreset, PresetDimension } from "@/lib/codebooks/preset-types";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError, forbidden } from "@/lib/errors/app-error";
import type { VerdictScale } from "@/lib/export/claim-review";
import type { ExportFormatKey } from "@/lib/export/formats";
import type { ExportCodebook } from "@/lib/export/types";
import type { ExportFilters, ExportRequest } from "@/lib/validations/export";

import { requireMembership } from "../workspace/require-membership";

// Everything an export needs after the permission checks: the workspace, the codebook
// layer to export and the filters, resolved against the database. Built once per export
// by resolveExport and passed to the reader, the writers and the datasheet.
export type ExportPlan = {
  userId: string;
  role: Role;
  workspace: { id: string; name: string; pseudonymSalt: string };
  format: ExportFormatKey;
  realNames: boolean;
  filters: ExportFilters;
  codebook: ExportCodebook & { id: string; preset: CodebookPreset };
  // Dimension keys whose labels become rows; every dimension when none was chosen.
  dimensionKeys: string[];
  // Highlights without any label (notes) are exported only when no dimension was chosen.
  includeNotes: boolean;
  collection: { id: string; name: string } | null;
  // ClaimReview only: the ordinal dimension whose labels are verdicts.
  verdictScale: VerdictScale | null;
  // Where this instance is served, for W3C and ClaimReview IRIs.
  baseUrl: string;
};

type ResolveExportOptions = {
  userId: string;
  workspaceId: string;
  request: ExportRequest;
  baseUrl: string;
};

const scopeNames = { SPAN: "span", DOCUMENT: "document" } as const;
const fieldTypeNames = {
  LABELS: "labels",
  ORDINAL: "ordinal",
  TEXT: "text",
  TARGET: "target",
  LINK: "link",
} as const;

// Editors and owners may export; real names only for the owner. Outsiders get NOT_FOUND.
export async function resolveExport({
  userId,
  workspaceId,
  request,
  baseUrl,
}: ResolveExportOptions): Promise<ExportPlan> {
  const membership = await requireMembership({ userId, workspaceId, permission: "exportData" });

  if (request.realNames && membership.role !== "OWNER") {
    throw forbidden(
      "Only the workspace owner can export annotators' real names; everyone else exports stable pseudonyms.",
    );
  }

  const db = getDb();
  const { filters } = request;
  const [workspace, codebook, collection] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { id: true, name: true, pseudonymSalt: true },
    }),
    findCodebook(workspaceId, filters.codebookId),
    filters.collectionId
      ? db.collection.findFirst({
          where: { id: filters.collectionId, workspaceId },
          select: { id: true, name: true },
        })
      : Promise.resolve(null),
  ]);

  if (filters.collectionId && !collection) {
    throw new AppError("INVALID_INPUT", "That collection is not in this workspace.", {
      collectionId: ["Choose a collection of this workspace."],
    });
  }

  const preset = toPreset(codebook);
  const knownKeys = new Set(codebook.dimensions.map((dimension) => dimension.key));
  const unknown = filters.dimensions.filter((key) => !knownKeys.has(key));
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `The codebook “${codebook.name}” has no dimension ${unknown.map((key) => `“${key}”`).join(", ")}.`,
      { dimensions: [`Unknown dimension: ${unknown.join(", ")}.`] },
    );
  }

  let dimensionKeys =
    filters.dimensions.length > 0
      ? codebook.dimensions
          .map((dimension) => dimension.key)
          .filter((key) => filters.dimensions.includes(key))
      : codebook.dimensions.map((dimension) => dimension.key);
  let includeNotes = filters.dimensions.length === 0;
  let verdictScale: VerdictScale | null = null;

  if (request.format === "claim-review") {
    const verdict = findVerdictDimension(preset);
    if (!verdict) {
      throw new AppError(
        "INVALID_INPUT",
        `ClaimReview exports verdicts from an ordinal dimension (such as Accuracy), and the codebook “${codebook.name}” has none.`,
        { format: ["Choose another format for this codebook."] },
      );
    }
    if (!dimensionKeys.includes(verdict.dimension.key)) {
      throw new AppError(
        "INVALID_INPUT",
        `ClaimReview exports the “${verdict.dimension.name}” dimension; include it in the dimensions.`,
        { dimensions: [`Include “${verdict.dimension.name}”.`] },
      );
    }
    dimensionKeys = [verdict.dimension.key];
    includeNotes = false;
    verdictScale = verdict.scale;
  }

  const selected = new Set(dimensionKeys);

  return {
    userId,
    role: membership.role,
    workspace,
    format: request.format,
    realNames: request.realNames,
    filters,
    codebook: {
      id: codebook.id,
      key: codebook.key,
      name: codebook.name,
      version: codebook.version,
      preset,
      // Only the exported dimensions: they set the CoNLL columns and the label check.
      dimensions: codebook.dimensions
        .filter((dimension) => selected.has(dimension.key))
        .map((dimension) => ({
          key: dimension.key,
          name: dimension.name,
          labels: dimension.labels.map((label) => ({ key: label.key, name: label.name })),
        })),
    },
    dimensionKeys,
    includeNotes,
    collection,
    verdictScale,
    baseUrl,
  };
}

const codebookSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  version: true,
  source: true,
  licence: true,
  dimensions: {
    orderBy: { position: "asc" },
    select: {
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
} as const;

// The chosen codebook version, else the workspace's default (newest version), else its newest.
async function findCodebook(workspaceId: string, codebookId: string | undefined) {
  const db = getDb();

  if (codebookId) {
    const codebook = await db.codebook.findFirst({
      where: { id: codebookId, workspaceId },
      select: codebookSelect,
    });
    if (!codebook) {
      throw new AppError("INVALID_INPUT", "That codebook is not in this workspace.", {
        codebookId: ["Choose a codebook of this workspace."],
      });
    }
    return codebook;
  }

  const codebook = await db.codebook.findFirst({
    where: { workspaceId },
    orderBy: [{ isDefault: "desc" }, { version: "desc" }, { createdAt: "desc" }],
    select: codebookSelect,
  });
  if (!codebook) {
    throw new AppError(
      "INVALID_INPUT",
      "This workspace has no codebook, so there is nothing to export.",
    );
  }
  return codebook;
}

type CodebookRow = Awaited<ReturnType<typeof findCodebook>>;

// The stored codebook in the preset shape: codebook.json in snapshots and the verdict scale.
function toPreset(codebook: CodebookRow): CodebookPreset {
  return {
    key: codebook.key,
    name: codebook.name,
    description: codebook.description,
    ...(codebook.source ? { source: codebook.source } : {}),
    ...(codebook.licence ? { licence: codebook.licence } : {}),
    dimensions: codebook.dimensions.map((dimension): PresetDimension => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      multiple: dimension.multiple,
      required: dimension.required,
      scope: scopeNames[dimension.scope],
      fieldType: fieldTypeNames[dimension.fieldType],
      color: dimension.color,
      labels: dimension.labels.map((label) => ({
        key: label.key,
        name: label.name,
        description: label.description,
        ...(label.examples.length > 0 ? { examples: label.examples } : {}),
        ...(label.counterExamples.length > 0 ? { counterExamples: label.counterExamples } : {}),
        ...(label.parentKey ? { parent: label.parentKey } : {}),
        ...(label.shortcut ? { shortcut: label.shortcut } : {}),
        ...(label.color !== dimension.color ? { color: label.color } : {}),
        ...(label.rating !== null ? { rating: label.rating } : {}),
      })),
    })),
  };
}

// The verdict dimension for ClaimReview: "accuracy" when the codebook has it as an ordinal
// scale, else its first ordinal dimension.
function findVerdictDimension(
  preset: CodebookPreset,
): { dimension: PresetDimension; scale: VerdictScale } | null {
  const ordinal = preset.dimensions.filter((dimension) => dimension.fieldType === "ordinal");
  const dimension = ordinal.find((entry) => entry.key === "accuracy") ?? ordinal[0];
  const scale = dimension ? getOrdinalScale(dimension) : null;
  if (!dimension || !scale) {
    return null;
  }

  const rated = new Set(scale.ratings.map((rating) => rating.labelKey));
  const names = new Map(dimension.labels.map((label) => [label.key, label.name]));

  return {
    dimension,
    scale: {
      dimension: dimension.key,
      bestRating: scale.bestRating,
      worstRating: scale.worstRating,
      ratings: scale.ratings.map((rating) => ({
        label: rating.labelKey,
        name: names.get(rating.labelKey) ?? rating.labelKey,
        rating: rating.rating,
      })),
      unrated: dimension.labels
        .filter((label) => !rated.has(label.key))
        .map((label) => ({ label: label.key, name: label.name })),
    },
  };
}
