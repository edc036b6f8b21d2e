import type { DimensionFieldType, DimensionScope } from "@/lib/codebooks/preset-types";
import { codebookSchemaVersion } from "@/lib/codebooks/validate-codebook";
import { okabeIto } from "@/lib/codebooks/palettes";
import type { CodebookFile } from "@/lib/validations/codebook";

// The editor's working copy of a codebook: the file's fields as the form holds them
// (text boxes as text), plus a stable uid per dimension and label for React and focus,
// the saved label id (for the preview's guideline links) and how many highlights carry
// the label in the published version.
export type EditorLabel = {
  uid: string;
  id: string | null;
  usage: number;
  isKeyLocked: boolean;
  isKeyAuto: boolean;
  key: string;
  name: string;
  description: string;
  examples: string;
  counterExamples: string;
  shortcut: string;
  parent: string;
  color: string;
  rating: string;
};

export type EditorDimension = {
  uid: string;
  isKeyLocked: boolean;
  isKeyAuto: boolean;
  key: string;
  name: string;
  description: string;
  multiple: boolean;
  required: boolean;
  scope: DimensionScope;
  fieldType: DimensionFieldType;
  color: string;
  labels: EditorLabel[];
};

export type EditorState = {
  name: string;
  description: string;
  source: string;
  licence: string;
  guidelines: string;
  dimensions: EditorDimension[];
};

export type SavedLabelInfo = { id: string; usage: number };

let counter = 0;
export function newUid(prefix: string) {
  counter += 1;
  return `${prefix}-new-${counter}`;
}

// Saved dimensions and labels keep their keys here: a key is how highlights find their
// label in the next version. Changing one goes through "Rename" (with its mapping).
export function toEditorState(
  file: CodebookFile,
  saved: ReadonlyMap<string, SavedLabelInfo>,
): EditorState {
  return {
    name: file.name,
    description: file.description,
    source: file.source ?? "",
    licence: file.licence ?? "",
    guidelines: file.guidelines,
    dimensions: file.dimensions.map((dimension, d) => ({
      uid: `d${d}`,
      isKeyLocked: true,
      isKeyAuto: false,
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      multiple: dimension.multiple,
      required: dimension.required,
      scope: dimension.scope ?? "span",
      fieldType: dimension.fieldType ?? "labels",
      color: dimension.color,
      labels: dimension.labels.map((label, l) => {
        const info = saved.get(JSON.stringify([dimension.key, label.key]));
        return {
          uid: `d${d}l${l}`,
          id: info?.id ?? null,
          usage: info?.usage ?? 0,
          isKeyLocked: true,
          isKeyAuto: false,
          key: label.key,
          name: label.name,
          description: label.description,
          examples: (label.examples ?? []).join("\n"),
          counterExamples: (label.counterExamples ?? []).join("\n"),
          shortcut: label.shortcut ?? "",
          parent: label.parent ?? "",
          color: label.color ?? dimension.color,
          rating: label.rating === undefined ? "" : String(label.rating),
        };
      }),
    })),
  };
}

function lines(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

// The codebook file the editor would save (validated with validateCodebookFile, on the
// client for instant feedback and again on the server).
export function toCodebookFileJson(state: EditorState, key: string) {
  return {
    schemaVersion: codebookSchemaVersion,
    key,
    name: state.name,
    description: state.description,
    source: state.source,
    licence: state.licence,
    guidelines: state.guidelines,
    dimensions: state.dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      multiple: dimension.multiple,
      required: dimension.required,
      scope: dimension.scope,
      fieldType: dimension.fieldType,
      color: dimension.color,
      labels: dimension.labels.map((label) => {
        const examples = lines(label.examples);
        const counterExamples = lines(label.counterExamples);
        const rating = label.rating.trim();
        return {
          key: label.key,
          name: label.name,
          description: label.description,
          ...(examples.length > 0 ? { examples } : {}),
          ...(counterExamples.length > 0 ? { counterExamples } : {}),
          ...(label.shortcut ? { shortcut: label.shortcut } : {}),
          ...(label.parent ? { parent: label.parent } : {}),
          color: label.color,
          ...(rating === "" ? {} : { rating: Number(rating) }),
        };
      }),
    })),
  };
}

// "Loaded language" → "loaded_language"; keys may be any text, this is only a start.
export function toKey(name: string) {
  return name
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
}

const shortcutKeys = [..."123456789abcdefghijklmnopqrstuvwxyz"];

export function nextShortcut(labels: EditorLabel[]) {
  const taken = new Set(labels.map((label) => label.shortcut.toLowerCase()));
  return shortcutKeys.find((key) => !taken.has(key)) ?? "";
}

const dimensionColors = Object.values(okabeIto);

export function newDimension(index: number): EditorDimension {
  const color = dimensionColors[index % dimensionColors.length] ?? okabeIto.blue;
  return {
    uid: newUid("d"),
    isKeyLocked: false,
    isKeyAuto: true,
    key: "",
    name: "",
    description: "",
    multiple: false,
    required: false,
    scope: "span",
    fieldType: "labels",
    color,
    labels: [newLabel([], color)],
  };
}

export function newLabel(labels: EditorLabel[], color: string): EditorLabel {
  return {
    uid: newUid("l"),
    id: null,
    usage: 0,
    isKeyLocked: false,
    isKeyAuto: true,
    key: "",
    name: "",
    description: "",
    examples: "",
    counterExamples: "",
    shortcut: nextShortcut(labels),
    parent: "",
    color,
    rating: "",
  };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) {
    return list;
  }
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) {
    copy.splice(to, 0, item);
  }
  return copy;
}
