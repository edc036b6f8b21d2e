import { describe, expect, it } from "vitest";

import { buildDatasheet, type DatasheetInput } from "./datasheet";
import { createDatasetStatistics } from "./dataset-statistics";
import { getExportFormat } from "./formats";
import type { ExportAnnotation, ExportCodebook, ExportDocument } from "./types";

const codebook: ExportCodebook = {
  key: "newsroom-review",
  name: "Newsroom review",
  version: 2,
  dimensions: [
    {
      key: "framing",
      name: "Framing | technique",
      labels: [
        { key: "Loaded_Language", name: "Loaded language" },
        { key: "Doubt", name: "Doubt" },
      ],
    },
    { key: "stance", name: "Stance", labels: [{ key: "critical", name: "Critical" }] },
  ],
};

const text = "Fake 👍 news, critics say, spread fast.";

function document(id: string, outlet: string | null): ExportDocument {
  return {
    id,
    title: id,
    text,
    version: 1,
    textHash: "0".repeat(64),
    sourceUrl: null,
    outlet,
    author: null,
    publishedAt: null,
    kind: "ARTICLE",
  };
}

function row(
  id: string,
  annotator: string,
  start: number,
  end: number,
  dimension: string | null,
  labels: string[],
  documentId = "d1",
): ExportAnnotation {
  return {
    id,
    documentId,
    documentVersion: 1,
    annotator,
    start,
    end,
    exact: Array.from(text).slice(start, end).join(""),
    prefix: "",
    suffix: "",
    dimension,
    labels,
    comment: "",
    confidence: null,
    origin: id.endsWith("s") ? "suggestion" : "person",
    reviewState: "pending",
    createdAt: new Date(`2026-01-0${id.length}T00:00:00Z`),
    updatedAt: new Date("2026-01-09T00:00:00Z"),
  };
}

describe("createDatasetStatistics", () => {
  it("counts documents, rows, notes, outlets, annotators and labels", () => {
    const statistics = createDatasetStatistics(codebook);
    statistics.add(document("d1", "Wire"), [
      row("a1", "annotator-1", 7, 11, "framing", ["Loaded_Language"]),
      row("a1", "annotator-1", 7, 11, "stance", ["critical"]),
      row("a2s", "annotator-2", 13, 24, null, []),
    ]);
    statistics.add(document("d2", null), [
      row("a3", "annotator-1", 7, 11, "framing", ["Doubt", "Loaded_Language"], "d2"),
    ]);
    const result = statistics.finish();

    expect(result).toMatchObject({
      documents: 2,
      rows: 4,
      annotations: 3,
      notes: 1,
      origins: { person: 2, suggestion: 1 },
      reviewStates: { pending: 3, accepted: 0, rejected: 0, edited: 0, gold: 0 },
      outlets: [
        { outlet: "(no outlet)", documents: 1 },
        { outlet: "Wire", documents: 1 },
      ],
      annotators: [
        { annotator: "annotator-1", rows: 3, documents: 2 },
        { annotator: "annotator-2", rows: 1, documents: 1 },
      ],
    });
    expect(result.dimensions[0]).toEqual({
      key: "framing",
      name: "Framing | technique",
      rows: 2,
      labels: [
        { key: "Loaded_Language", rows: 2 },
        { key: "Doubt", rows: 1 },
      ],
    });
    expect(result.firstCreatedAt?.toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });

  it("computes agreement per dimension over documents with two or more annotators", () => {
    const statistics = createDatasetStatistics(codebook);
    // Perfect agreement on framing; in stance only one annotator marked something.
    statistics.add(document("d1", "Wire"), [
      row("a1", "annotator-1", 7, 11, "framing", ["Loaded_Language"]),
      row("a2", "annotator-2", 7, 11, "framing", ["Loaded_Language"]),
      row("a3", "annotator-2", 13, 24, "stance", ["critical"]),
    ]);
    // A single annotator: nothing to compare.
    statistics.add(document("d2", "Wire"), [
      row("a4", "annotator-1", 7, 11, "framing", ["Doubt"], "d2"),
    ]);
    const [framing, stance] = statistics.finish().agreement;

    expect(framing).toMatchObject({
      documentsCompared: 1,
      spansCompared: 2,
      maxAnnotators: 2,
      unitizedAlpha: { defined: 1, mean: 1, minimum: 1, maximum: 1 },
      spanF1Overlap: { defined: 1, mean: 1 },
    });
    expect(stance?.documentsCompared).toBe(1);
    expect(stance?.spanF1Overlap.mean).toBe(0);
  });

  it("skips agreement when asked to", () => {
    const statistics = createDatasetStatistics(codebook, { agreement: false });
    statistics.add(document("d1", "Wire"), [
      row("a1", "annotator-1", 7, 11, "framing", ["Loaded_Language"]),
      row("a2", "annotator-2", 7, 11, "framing", ["Loaded_Language"]),
    ]);
    expect(statistics.finish().agreement[0]?.documentsCompared).toBe(0);
  });
});

describe("buildDatasheet", () => {
  function input(overrides: Partial<DatasheetInput> = {}): DatasheetInput {
    const statistics = createDatasetStatistics(codebook);
    statistics.add(document("d1", "Wire | Daily"), [
      row("a1", "annotator-1", 7, 11, "framing", ["Loaded_Language"]),
      row("a2", "annotator-2", 7, 11, "framing", ["Loaded_Language"]),
    ]);
    return {
      name: "Class 9B\nframing",
      number: 3,
      workspaceName: "Class 9B",
      createdAt: new Date("2026-02-03T04:05:06Z"),
      format: getExportFormat("jsonl"),
      files: [{ path: "annotations.jsonl", description: "the rows" }],
      codebook: {
        key: "newsroom-review",
        name: "Newsroom review",
        version: 2,
        dimensions: ["framing"],
      },
      filters: ["every document of the workspace", "comments included"],
      pseudonymised: true,
      licence: "",
      consent: "",
      orphanedExcluded: 2,
      statistics: statistics.finish(),
      formatNotes: ["A note about the format."],
      ...overrides,
    };
  }

  it("states what, who, which codebook, how far they agree, offsets and selection", () => {
    const markdown = buildDatasheet(input());

    expect(markdown.startsWith("# Class 9B framing\n")).toBe(true);
    expect(markdown).toContain(
      "Snapshot 3 of the Framewise workspace “Class 9B”, made 2026-02-03T04:05:06.000Z",
    );
    expect(markdown).toContain("- `annotations.jsonl`: the rows");
    expect(markdown).toContain("JSONL (spaCy / Prodigy) (`jsonl`)");
    expect(markdown).toContain("A note about the format.");
    expect(markdown).toContain("Unicode code points, end exclusive");
    expect(markdown).toContain("1 document; 2 highlights in 2 rows");
    expect(markdown).toContain("Left out: 2 highlights that match the filters but are orphaned");
    expect(markdown).toContain("| Wire \\| Daily | 1 |");
    expect(markdown).toContain("2 annotators, pseudonymised");
    expect(markdown).toContain("“Newsroom review”, key `newsroom-review`, version 2");
    expect(markdown).toContain(
      "| Framing \\| technique | 1 | 2 | 2 | 1.000 (n = 1; 1.000–1.000) | 1.000 (n = 1; 1.000–1.000) |",
    );
    expect(markdown).toContain("| Stance | 0 | 0 | 0 | undefined | undefined |");
    expect(markdown).toContain("- every document of the workspace");
    expect(markdown).toContain("| `pending` | 2 |");
    expect(markdown).toContain("| `gold` | 0 |");
    expect(markdown).toContain(
      "Not stated by the workspace owner. Ask them before reusing the data.",
    );
  });

  it("says when names are real and gives the owner's licence and consent", () => {
    const markdown = buildDatasheet(
      input({ pseudonymised: false, licence: "CC BY 4.0", consent: "Signed forms, 2026." }),
    );
    expect(markdown).toContain("under their real names");
    expect(markdown).toContain("## Licence\n\nCC BY 4.0");
    expect(markdown).toContain("## Consent\n\nSigned forms, 2026.");
  });
});
