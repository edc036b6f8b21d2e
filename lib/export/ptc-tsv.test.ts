import { writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  parsePtcTsv,
  serializePtcTsv,
  serializePtcTsvDocument,
  toPtcArticleFiles,
  toPtcSpans,
} from "./ptc-tsv";
import { awkwardLabel, buildFixtureExport } from "./testing/export-fixtures";
import { createTempDir, runPython } from "./testing/run-python";

// Reads the TSV and article files as the SemEval-2020 Task 11 scripts do.
const pythonReader = String.raw`
import json, os, sys
directory = sys.argv[1]
slices = []
with open(os.path.join(directory, "labels.tsv"), encoding="utf-8") as handle:
    for line in handle:
        article_id, technique, start, end = line.rstrip("\n").split("\t")
        with open(os.path.join(directory, "article" + article_id + ".txt"), encoding="utf-8", newline="") as article:
            text = article.read()
        assert 0 <= int(start) < int(end) <= len(text), line
        slices.append(text[int(start):int(end)])
print(json.dumps({"slices": slices}))
`;

describe("[export] PTC TSV", () => {
  it("writes article_id, technique, start, end lines for one dimension", () => {
    const input = buildFixtureExport();
    const content = serializePtcTsv(input, { dimension: "framing" });
    const lines = content.trimEnd().split("\n");
    const a3 = input.annotations.find((annotation) => annotation.id === "a3")!;

    expect(lines).toContain(`doc-blog\tLoaded_Language\t${a3.start}\t${a3.end}`);
    // a8 repeats a3's span and label: written once.
    expect(
      lines.filter((line) => line === `doc-blog\tLoaded_Language\t${a3.start}\t${a3.end}`),
    ).toHaveLength(1);
    expect(lines.every((line) => line.split("\t").length === 4)).toBe(true);
    expect(content).not.toContain("vague_attribution");
  });

  it("round-trips the spans, whole or streamed per document", () => {
    const input = buildFixtureExport();
    const expected = toPtcSpans(input);
    const streamed = input.documents
      .map((document) =>
        serializePtcTsvDocument(
          document,
          input.annotations.filter((annotation) => annotation.documentId === document.id),
        ),
      )
      .join("");

    expect(streamed).toBe(serializePtcTsv(input));
    expect(parsePtcTsv(serializePtcTsv(input))).toEqual(expected);
    expect(expected.some((span) => span.technique === awkwardLabel)).toBe(true);
  });

  it("is read back by Python against the article files", () => {
    const input = buildFixtureExport();
    const directory = createTempDir("framewise-ptc-");
    writeFileSync(path.join(directory, "labels.tsv"), serializePtcTsv(input), "utf8");
    for (const file of toPtcArticleFiles(input.documents)) {
      writeFileSync(path.join(directory, file.name), file.content, "utf8");
    }

    const result = runPython(pythonReader, [directory]) as { slices: string[] };
    const quotes = toPtcSpans(input).map(
      (span) =>
        input.annotations.find(
          (annotation) =>
            annotation.documentId === span.articleId &&
            annotation.start === span.start &&
            annotation.end === span.end,
        )?.exact,
    );

    expect(result.slices).toEqual(quotes);
    expect(result.slices.some((slice) => slice.includes("🔹"))).toBe(true);
  });

  it("writes an empty file for no annotations and refuses labels with tabs", () => {
    const input = buildFixtureExport();

    expect(serializePtcTsv({ documents: input.documents, annotations: [] })).toBe("");
    expect(parsePtcTsv("")).toEqual([]);

    input.annotations[0]!.labels = ["Loaded\tLanguage"];
    expect(() => serializePtcTsv({ ...input, codebook: null })).toThrow(
      /Annotation "a1" label .* contains a tab/,
    );
  });

  it("reports malformed lines", () => {
    expect(() => parsePtcTsv("123\tLoaded_Language\t5\n")).toThrow(/Line 1: expected/);
    expect(() => parsePtcTsv("123\tLoaded_Language\t9\t5\n")).toThrow(/start < end/);
  });
});
