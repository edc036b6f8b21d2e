// Typed fields on a dimension (docs/codebooks.md, "Typed fields"): which parts of a value
// each field type takes, and which required dimensions a highlight leaves unanswered.
// Pure, shared by the popover (to say what is missing before sending) and the server
// (which decides).

export type FieldType = "LABELS" | "ORDINAL" | "TEXT" | "TARGET" | "LINK";

export type FieldValue = {
  dimensionKey: string;
  text: string | null;
  target: string | null;
  holder: string | null;
  linkedAnnotationId: string | null;
};

export type FieldValueInput = {
  dimensionKey: string;
  text?: string | null | undefined;
  target?: string | null | undefined;
  holder?: string | null | undefined;
  linkedAnnotationId?: string | null | undefined;
};

export type FieldDimension = {
  key: string;
  name: string;
  required: boolean;
  fieldType: FieldType;
  labels: readonly { id: string }[];
};

// The field types that store a value beside (or instead of) labels.
export function hasValueField(fieldType: FieldType): boolean {
  return fieldType === "TEXT" || fieldType === "TARGET" || fieldType === "LINK";
}

export function takesLabels(fieldType: FieldType): boolean {
  return fieldType !== "TEXT";
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

// Keeps the parts the field type takes, trimmed; null when nothing is left to store.
// Parts for another type are an error (a client sending a target to a text field has
// misunderstood the codebook), returned as a message.
export function normaliseFieldValue(
  fieldType: FieldType,
  input: FieldValueInput,
  dimensionName: string,
): { ok: true; value: FieldValue | null } | { ok: false; message: string } {
  const value: FieldValue = {
    dimensionKey: input.dimensionKey,
    text: clean(input.text),
    target: clean(input.target),
    holder: clean(input.holder),
    linkedAnnotationId: clean(input.linkedAnnotationId),
  };
  const allowed: Record<FieldType, (keyof FieldValue)[]> = {
    LABELS: [],
    ORDINAL: [],
    TEXT: ["text"],
    TARGET: ["target", "holder"],
    LINK: ["linkedAnnotationId"],
  };
  const parts = ["text", "target", "holder", "linkedAnnotationId"] as const;
  const stray = parts.find((part) => value[part] !== null && !allowed[fieldType].includes(part));
  if (stray) {
    const partNames = {
      text: "free text",
      target: "a target",
      holder: "a stance holder",
      linkedAnnotationId: "a link",
    };
    return { ok: false, message: `${dimensionName} does not take ${partNames[stray]}.` };
  }
  if (fieldType === "TARGET" && value.holder !== null && value.target === null) {
    return {
      ok: false,
      message: `${dimensionName}: name the target before the stance holder.`,
    };
  }
  const isEmpty = parts.every((part) => value[part] === null);
  return { ok: true, value: isEmpty ? null : value };
}

// What a required dimension needs: a label where it takes labels, and its typed part
// (the text, the target, the linked highlight). One message per missing field, naming it.
export function findMissingRequired(
  dimensions: readonly FieldDimension[],
  labelIds: readonly string[],
  values: readonly FieldValue[],
): { dimensionKey: string; message: string }[] {
  const chosen = new Set(labelIds);
  const byKey = new Map(values.map((value) => [value.dimensionKey, value]));
  const missing: { dimensionKey: string; message: string }[] = [];

  for (const dimension of dimensions) {
    if (!dimension.required) {
      continue;
    }
    const value = byKey.get(dimension.key);
    const hasLabel = dimension.labels.some((label) => chosen.has(label.id));
    const needs: string[] = [];
    if (takesLabels(dimension.fieldType) && dimension.labels.length > 0 && !hasLabel) {
      needs.push("a label");
    }
    if (dimension.fieldType === "TEXT" && !value?.text) {
      needs.push("some text");
    }
    if (dimension.fieldType === "TARGET" && !value?.target) {
      needs.push("a target");
    }
    if (dimension.fieldType === "LINK" && !value?.linkedAnnotationId) {
      needs.push("a linked highlight");
    }
    if (needs.length > 0) {
      missing.push({
        dimensionKey: dimension.key,
        message: `${dimension.name} is required: give it ${needs.join(" and ")}.`,
      });
    }
  }

  return missing;
}
