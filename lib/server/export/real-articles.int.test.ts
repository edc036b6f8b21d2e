import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { createTempDir, runPython } from "@/lib/export/testing/run-python";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { annotate, exportRequest, exportText } from "./testing/export-test-support";

// The whole pipeline on the two real articles: documents and highlights made through the
// server functions, exported through the use case, read back by Python (standard library
// only), which slices strings by code point as dataset users will.
const fixtures = path.resolve(process.cwd(), "../shared/fixtures/articles");
const blog = readFileSync(path.join(fixtures, "paris-summit-blog.txt"), "utf8");
const wire = readFileSync(path.join(fixtures, "paris-summit-wire.txt"), "utf8");

const jsonlReader = String.raw`
import json, sys
spans = notes = 0
problems = []
documents = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        record = json.loads(line)
        text = record["text"]
        documents.append(record["meta"]["title"])
        for span in record["spans"] + record["notes"]:
            if text[span["start"]:span["end"]] != span["text"]:
                problems.append([span["annotation_id"], span["start"], span["end"], span["text"]])
        spans += len(record["spans"])
        notes += len(record["notes"])
print(json.dumps({"documents": documents, "spans": spans, "notes": notes, "problems": problems}))
`;

const csvReader = String.raw`
import csv, json, sys
texts = json.load(open(sys.argv[2], encoding="utf-8"))
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    reader = csv.DictReader(handle)
    rows = list(reader)
problems = [
    [row["annotation_id"], row["start"], row["end"], row["quote"]]
    for row in rows
    if texts[row["document_id"]][int(row["start"]):int(row["end"])] != row["quote"]
]
print(json.dumps({"columns": reader.fieldnames, "rows": len(rows), "labels": sorted({row["label"] for row in rows}), "problems": problems}))
`;

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
const texts: Record<string, string> = {};

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  const labels = await getLabelIds(ctx.workspace.id);
  const blogDocument = await makeDocument(
    ctx.editor.id,
    ctx.workspace.id,
    blog,
    "Paris summit (blog)",
  );
  const wireDocument = await makeDocument(
    ctx.editor.id,
    ctx.workspace.id,
    wire,
    "Paris summit (wire)",
  );

  // The stored (normalised) text is what offsets index.
  const { getDb } = await import("@/lib/db/client");
  for (const document of [blogDocument, wireDocument]) {
    const stored = await getDb().document.findUniqueOrThrow({
      where: { id: document.id },
      select: { text: true },
    });
    texts[document.id] = stored.text;
  }
  const blogText = texts[blogDocument.id]!;
  const wireText = texts[wireDocument.id]!;

  const highlights: [string, string, string, string[]][] = [
    // After the 🔹 emoji (outside the BMP): code points and UTF-16 differ from here on.
    [blogDocument.id, blogText, "A Declaration of Intent — With Teeth?", ["framing:Doubt"]],
    [blogDocument.id, blogText, "Troops, But Tied to Conditions", []],
    [blogDocument.id, blogText, "critics say", ["sourcing:vague_attribution", "stance:critical"]],
    [
      blogDocument.id,
      blogText,
      "“politically and legally binding guarantees”",
      ["accuracy:accurate"],
    ],
    [wireDocument.id, wireText, "«strong»", ["framing:Loaded_Language"]],
    [
      wireDocument.id,
      wireText,
      "French President Emmanuel Macron announced",
      ["sourcing:named_person"],
    ],
  ];
  for (const [documentId, text, phrase, keys] of highlights) {
    await annotate({
      userId: ctx.annotator.id,
      documentId,
      text,
      phrase,
      labelIds: keys.map((key) => labels[key] as string),
      comment: keys.length === 0 ? "A heading, no label yet" : "",
    });
  }
  // A second annotator on the same passage, so the datasheet has someone to agree with.
  await annotate({
    userId: ctx.editor.id,
    documentId: blogDocument.id,
    text: blogText,
    phrase: "critics say",
    labelIds: [labels["sourcing:vague_attribution"] as string],
  });
});

describe("exports of the real articles, read by Python", () => {
  it("JSONL: text[start:end] == text of every span and note, emoji included", async () => {
    const { text } = await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("jsonl"));
    const file = path.join(createTempDir("fw-export-jsonl-"), "export.jsonl");
    writeFileSync(file, text, "utf8");

    const result = runPython(jsonlReader, [file]) as {
      documents: string[];
      spans: number;
      notes: number;
      problems: unknown[];
    };

    expect(result.problems).toEqual([]);
    expect(result.documents.sort()).toEqual(["Paris summit (blog)", "Paris summit (wire)"]);
    // One span per label: 1 + 2 + 1 + 1 + 1 from the annotator, 1 from the editor.
    expect(result.spans).toBe(7);
    expect(result.notes).toBe(1);
  });

  it("CSV: parses with the documented columns and every quote matches the text", async () => {
    const { text } = await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("csv"));
    const directory = createTempDir("fw-export-csv-");
    const csvFile = path.join(directory, "export.csv");
    const textsFile = path.join(directory, "texts.json");
    writeFileSync(csvFile, text, "utf8");
    writeFileSync(textsFile, JSON.stringify(texts), "utf8");

    const result = runPython(csvReader, [csvFile, textsFile]) as {
      columns: string[];
      rows: number;
      labels: string[];
      problems: unknown[];
    };

    expect(result.problems).toEqual([]);
    expect(result.columns).toEqual([
      "document_id",
      "document_version",
      "annotation_id",
      "annotator",
      "origin",
      "review_state",
      "start",
      "end",
      "quote",
      "prefix",
      "suffix",
      "dimension",
      "label",
      "comment",
      "confidence",
      "created_at",
      "updated_at",
    ]);
    // Seven labels and one note, one row each.
    expect(result.rows).toBe(8);
    expect(result.labels).toContain("vague_attribution");
  });
});
