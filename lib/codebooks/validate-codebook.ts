import { z } from "zod";

import { limits } from "@/lib/validations/limits";

import { dimensionFieldTypes, dimensionScopes } from "./preset-types";
import type { CodebookPreset } from "./preset-types";

// A codebook as a JSON document: the preset shape plus `schemaVersion`, so that codebooks
// can be shared, imported and exported. Documented in the comments of preset-types.ts.
//
// {
//   "schemaVersion": 1,
//   "key": "my-codebook", "name": "My codebook", "description": "…",
//   "source": "…", "licence": "…",
//   "dimensions": [{
//     "key": "stance", "name": "Stance", "description": "…",
//     "multiple": false, "required": false,
//     "scope": "span" | "document", "fieldType": "labels" | "ordinal" | "text" | "target" | "link",
//     "color": "#0072B2",
//     "labels": [{ "key": "critical", "name": "Critical", "description": "…",
//                  "examples": ["…"], "counterExamples": ["…"], "parent": "other-label-key",
//                  "shortcut": "1", "color": "#D55E00", "rating": 2 }]
//   }]
// }
export const codebookSchemaVersion = 1;

const keyMax = 100;
const descriptionMax = 2_000;
const exampleMax = 500;
const examplesMax = 20;
const labelsMax = 200;
const dimensionsMax = 50;

function keySchema(owner: string) {
  const missing = `Give the ${owner} a key.`;

  return (
    z
      .string({ error: (issue) => (issue.input === undefined ? missing : "A key is text.") })
      .min(1, { error: missing })
      .max(keyMax, { error: `A key can have at most ${keyMax} characters.` })
      // Dataset keys keep their commas, hyphens and capitals ("Name_Calling,Labeling");
      // only edge spaces and control characters would break lookups and exports.
      .regex(/^\S(?:[^\p{Cc}]*\S)?$/u, {
        error: "A key cannot start or end with a space or contain control characters.",
      })
  );
}

function nameSchema(owner: string) {
  const missing = `Give the ${owner} a name.`;

  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : "A name is text.") })
    .trim()
    .min(1, { error: missing })
    .max(limits.nameMax, { error: `A name can have at most ${limits.nameMax} characters.` });
}

const descriptionSchema = z
  .string({ error: "A description is text." })
  .max(descriptionMax, { error: `At most ${descriptionMax} characters.` });

const colourSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "Give a colour, like #0072B2."
        : "A colour is text, like #0072B2.",
  })
  .regex(/^#[0-9A-Fa-f]{6}$/, { error: "Use a colour like #0072B2: # and six hex digits." });

const examplesSchema = z
  .array(
    z
      .string({ error: "An example is text." })
      .trim()
      .min(1, { error: "An example cannot be empty." })
      .max(exampleMax, { error: `An example can have at most ${exampleMax} characters.` }),
    { error: "Examples are a list of texts." },
  )
  .max(examplesMax, { error: `At most ${examplesMax} examples.` });

const labelSchema = z.strictObject(
  {
    key: keySchema("label"),
    name: nameSchema("label"),
    description: descriptionSchema.default(""),
    examples: examplesSchema.optional(),
    counterExamples: examplesSchema.optional(),
    parent: z
      .string({ error: "A parent is the key of another label in this dimension." })
      .min(1, { error: "A parent is the key of another label in this dimension." })
      .optional(),
    shortcut: z
      .string({ error: "A shortcut is one letter or digit." })
      .regex(/^[0-9A-Za-z]$/, { error: "A shortcut is one letter or digit." })
      .optional(),
    color: colourSchema.optional(),
    rating: z.number({ error: "A rating is a number." }).optional(),
  },
  { error: "A label is an object with a key and a name." },
);

const dimensionSchema = z.strictObject(
  {
    key: keySchema("dimension"),
    name: nameSchema("dimension"),
    description: descriptionSchema.default(""),
    multiple: z.boolean({ error: "multiple is true or false." }).default(false),
    required: z.boolean({ error: "required is true or false." }).default(false),
    scope: z
      .enum(dimensionScopes, { error: `Unknown scope; use one of: ${dimensionScopes.join(", ")}.` })
      .optional(),
    fieldType: z
      .enum(dimensionFieldTypes, {
        error: `Unknown field type; use one of: ${dimensionFieldTypes.join(", ")}.`,
      })
      .optional(),
    color: colourSchema,
    labels: z
      .array(labelSchema, { error: "labels is a list." })
      .max(labelsMax, { error: `A dimension can have at most ${labelsMax} labels.` })
      .default([]),
  },
  { error: "A dimension is an object with a key, a name and labels." },
);

export const codebookDocumentSchema = z.strictObject(
  {
    schemaVersion: z.literal(codebookSchemaVersion, {
      error: `Set schemaVersion to ${codebookSchemaVersion}: the only version this Framewise reads.`,
    }),
    key: keySchema("codebook"),
    name: nameSchema("codebook"),
    description: descriptionSchema.default(""),
    source: descriptionSchema.optional(),
    licence: descriptionSchema.optional(),
    dimensions: z
      .array(dimensionSchema, { error: "dimensions is a list." })
      .min(1, { error: "A codebook needs at least one dimension." })
      .max(dimensionsMax, { error: `A codebook can have at most ${dimensionsMax} dimensions.` }),
  },
  { error: "A codebook is a JSON object." },
);

export type CodebookDocument = z.output<typeof codebookDocumentSchema>;

export type CodebookProblem = {
  path: (string | number)[];
  // The path as text, e.g. "dimensions[1].labels[3].parent"; "" for the document itself.
  location: string;
  message: string;
};

export type CodebookValidationResult =
  { ok: true; codebook: CodebookDocument } | { ok: false; problems: CodebookProblem[] };

export function toCodebookDocument(preset: CodebookPreset): CodebookDocument {
  return codebookDocumentSchema.parse({ schemaVersion: codebookSchemaVersion, ...preset });
}

// Checks a codebook document and reports every problem at once: the shape (zod) and the
// references between parts (duplicate keys and shortcuts, parents, scales). The reference
// checks read the raw input, so they still run where the shape is wrong elsewhere.
export function validateCodebook(json: unknown): CodebookValidationResult {
  const parsed = codebookDocumentSchema.safeParse(json);
  const shapeProblems = parsed.success ? [] : parsed.error.issues.map(toProblem);
  const problems = dedupe([...shapeProblems, ...findReferenceProblems(json)]).sort(comparePaths);

  if (parsed.success && problems.length === 0) {
    return { ok: true, codebook: parsed.data };
  }

  return { ok: false, problems };
}

export function formatCodebookPath(path: (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join("");
}

function problem(path: (string | number)[], message: string): CodebookProblem {
  return { path, location: formatCodebookPath(path), message };
}

function toProblem(issue: z.core.$ZodIssue): CodebookProblem {
  const path = issue.path.map((part) => (typeof part === "number" ? part : String(part)));

  if (issue.code === "unrecognized_keys") {
    const fields = issue.keys.map((key) => `"${key}"`).join(", ");
    return problem(path, `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${fields}.`);
  }

  return problem(path, issue.message);
}

type Entry = Record<string, unknown>;

function isEntry(value: unknown): value is Entry {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listAt(value: unknown, field: string): unknown[] {
  if (!isEntry(value)) {
    return [];
  }

  const list = value[field];
  return Array.isArray(list) ? list : [];
}

function stringAt(value: unknown, field: string): string | undefined {
  if (!isEntry(value)) {
    return undefined;
  }

  const text = value[field];
  return typeof text === "string" ? text : undefined;
}

function findReferenceProblems(json: unknown): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const dimensionKeys = new Map<string, number>();

  listAt(json, "dimensions").forEach((dimension, d) => {
    const at = ["dimensions", d];
    const key = stringAt(dimension, "key");

    if (key !== undefined && key !== "") {
      const first = dimensionKeys.get(key);
      if (first === undefined) {
        dimensionKeys.set(key, d);
      } else {
        problems.push(
          problem([...at, "key"], `The key "${key}" is already used by dimensions[${first}].`),
        );
      }
    }

    problems.push(...findLabelProblems(dimension, at));
  });

  return problems;
}

function findLabelProblems(dimension: unknown, at: (string | number)[]): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const fieldType = stringAt(dimension, "fieldType") ?? "labels";
  const labels = listAt(dimension, "labels");
  const isOrdinal = fieldType === "ordinal";

  if (fieldType === "text" && labels.length > 0) {
    problems.push(
      problem([...at, "labels"], "A text dimension takes free text: remove its labels."),
    );
  }

  if (fieldType !== "text" && labels.length === 0 && isEntry(dimension)) {
    problems.push(problem([...at, "labels"], "Add at least one label."));
  }

  if (isOrdinal && isEntry(dimension) && dimension.multiple === true) {
    problems.push(
      problem([...at, "multiple"], "An ordinal scale takes one value: set multiple to false."),
    );
  }

  const labelKeys = new Map<string, number>();
  const shortcuts = new Map<string, number>();
  const ratings = new Map<number, number>();

  labels.forEach((label, l) => {
    const labelAt = [...at, "labels", l];
    const key = stringAt(label, "key");
    const shortcut = stringAt(label, "shortcut");
    const rating = isEntry(label) ? label.rating : undefined;

    if (key !== undefined && key !== "") {
      const first = labelKeys.get(key);
      if (first === undefined) {
        labelKeys.set(key, l);
      } else {
        problems.push(
          problem(
            [...labelAt, "key"],
            `The key "${key}" is already used by labels[${first}] in this dimension.`,
          ),
        );
      }
    }

    if (shortcut !== undefined && shortcut !== "") {
      // Keyboard shortcuts ignore case: "A" and "a" are the same key.
      const normalised = shortcut.toLowerCase();
      const first = shortcuts.get(normalised);
      if (first === undefined) {
        shortcuts.set(normalised, l);
      } else {
        problems.push(
          problem(
            [...labelAt, "shortcut"],
            `The shortcut "${shortcut}" is already used by labels[${first}] in this dimension.`,
          ),
        );
      }
    }

    if (typeof rating === "number") {
      if (!isOrdinal) {
        problems.push(
          problem(
            [...labelAt, "rating"],
            'Only labels of an ordinal dimension (fieldType "ordinal") have a rating.',
          ),
        );
      } else {
        const first = ratings.get(rating);
        if (first === undefined) {
          ratings.set(rating, l);
        } else {
          problems.push(
            problem(
              [...labelAt, "rating"],
              `The rating ${rating} is already used by labels[${first}]: each step of a scale needs its own rating.`,
            ),
          );
        }
      }
    }
  });

  problems.push(...findParentProblems(labels, labelKeys, at));

  return problems;
}

function findParentProblems(
  labels: unknown[],
  labelKeys: Map<string, number>,
  at: (string | number)[],
): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  // The parent of each label key, from the first label with that key.
  const parentOf = new Map<string, string>();

  labels.forEach((label) => {
    const key = stringAt(label, "key");
    const parent = stringAt(label, "parent");
    if (key !== undefined && parent !== undefined && !parentOf.has(key)) {
      parentOf.set(key, parent);
    }
  });

  labels.forEach((label, l) => {
    const parentAt = [...at, "labels", l, "parent"];
    const key = stringAt(label, "key");
    const parent = stringAt(label, "parent");

    if (parent === undefined || parent === "") {
      return;
    }

    if (parent === key) {
      problems.push(problem(parentAt, "A label cannot be its own parent."));
      return;
    }

    if (!labelKeys.has(parent)) {
      problems.push(problem(parentAt, `No label in this dimension has the key "${parent}".`));
      return;
    }

    if (key === undefined) {
      return;
    }

    // Walk up from the parent; meeting this label again means the chain is a cycle.
    const chain = [key, parent];
    let current = parentOf.get(parent);
    while (current !== undefined && chain.length <= labels.length + 1) {
      chain.push(current);
      if (current === key) {
        problems.push(
          problem(parentAt, `The parents form a cycle: ${chain.map((k) => `"${k}"`).join(" → ")}.`),
        );
        return;
      }
      if (chain.indexOf(current) !== chain.length - 1) {
        // A cycle further up that does not include this label; reported on its members.
        return;
      }
      current = parentOf.get(current);
    }
  });

  return problems;
}

function dedupe(problems: CodebookProblem[]): CodebookProblem[] {
  const seen = new Set<string>();

  return problems.filter((entry) => {
    const id = `${entry.location}\u0000${entry.message}`;
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

// Document order: element by element, indexes numerically, a parent before its children.
function comparePaths(a: CodebookProblem, b: CodebookProblem): number {
  const length = Math.min(a.path.length, b.path.length);

  for (let index = 0; index < length; index += 1) {
    const left = a.path[index];
    const right = b.path[index];
    if (left === right) {
      continue;
    }
    if (typeof left === "number" && typeof right === "number") {
      return left - right;
    }
    return String(left).localeCompare(String(right));
  }

  return a.path.length - b.path.length;
}
