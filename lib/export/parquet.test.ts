import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { describe, expect, it } from "vitest";

import { sliceByCodePoints } from "@/lib/anchoring/text-position";

import {
  buildDatasetCard,
  parquetDataPath,
  parquetFeatures,
  parseParquet,
  serializeParquet,
  serializeParquetDataset,
} from "./parquet";
import { orderAnnotations } from "./prepare-export";
import { buildFixtureExport } from "./testing/export-fixtures";
import type { ExportInput } from "./types";

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

// The rows a reader should find, built straight from the input (not from the adapter).
function expectedRows(input: ExportInput) {
  const ordered = orderAnnotations(input);

  return input.documents.map((document) => ({
    id: document.id,
    title: document.title,
    text: document.text,
    version: document.version,
    text_hash: document.textHash,
    source_url: document.sourceUrl,
    outlet: document.outlet,
    author: document.author,
    published_at: document.publishedAt?.toISOString() ?? null,
    kind: document.kind,
    spans: ordered
      .filter((annotation) => annotation.documentId === document.id)
      .map((annotation) => ({
        annotation_id: annotation.id,
        annotator: annotation.annotator,
        start: annotation.start,
        end: annotation.end,
        text: annotation.exact,
        prefix: annotation.prefix,
        suffix: annotation.suffix,
        dimension: annotation.dimension,
        labels: annotation.labels,
        comment: annotation.comment,
        confidence: annotation.confidence,
        origin: annotation.origin,
        review_state: annotation.reviewState,
        created_at: annotation.createdAt.toISOString(),
        updated_at: annotation.updatedAt.toISOString(),
      })),
  }));
}

describe("[export] Parquet / Hugging Face dataset", () => {
  it("writes the Hub layout: README.md and data/train-00000-of-00001.parquet", () => {
    const files = serializeParquetDataset(buildFixtureExport(), { license: "cc-by-4.0" });

    expect(files.map((file) => file.path)).toEqual(["README.md", parquetDataPath]);
    expect(parquetDataPath).toBe("data/train-00000-of-00001.parquet");
    const data = files[1]?.contents as Uint8Array;
    // Parquet files start and end with the magic bytes "PAR1".
    expect(new TextDecoder().decode(data.slice(0, 4))).toBe("PAR1");
    expect(new TextDecoder().decode(data.slice(-4))).toBe("PAR1");
  });

  it("is read back by hyparquet row for row, with code-point spans", async () => {
    const input = buildFixtureExport();
    const file = toArrayBuffer(serializeParquet(input));
    const rows = await parquetReadObjects({ file });

    expect(rows).toEqual(expectedRows(input));
    for (const row of rows as ReturnType<typeof expectedRows>) {
      for (const span of row.spans) {
        expect(sliceByCodePoints(row.text, span.start, span.end)).toBe(span.text);
      }
    }

    const metadata = parquetMetadata(file);
    expect(metadata.created_by).toBe("Framewise");
    expect(
      JSON.parse(metadata.key_value_metadata?.find((kv) => kv.key === "framewise")?.value ?? "{}"),
    ).toEqual({
      offset_unit: "code_point",
      codebook: { key: "newsroom-review", version: 2 },
    });
    const schema = parquetSchema(metadata);
    expect(schema.children.map((child) => child.element.name)).toEqual(
      parquetFeatures.map((feature) => feature.name),
    );
  });

  it("round-trips documents and annotations through parseParquet", async () => {
    const input = buildFixtureExport();
    const parsed = await parseParquet(serializeParquet(input));

    expect(parsed.documents).toEqual(input.documents);
    expect(parsed.annotations).toEqual(orderAnnotations(input));
  });

  it("describes every column in the card's dataset_info features block", () => {
    const input = buildFixtureExport();
    const card = buildDatasetCard(input, { name: 'Paris "summit" set', license: "cc-by-4.0" });
    const [, yaml = "", body = ""] = card.split(/^---$/m);

    expect(card.startsWith("---\n")).toBe(true);
    expect(yaml).toContain('pretty_name: "Paris \\"summit\\" set"');
    expect(yaml).toContain('license: "cc-by-4.0"');
    expect(yaml).toContain(
      "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train-*",
    );
    expect(yaml).toContain(
      [
        "dataset_info:",
        "  features:",
        "  - name: id",
        "    dtype: string",
        "  - name: title",
        "    dtype: string",
        "  - name: text",
        "    dtype: string",
        "  - name: version",
        "    dtype: int32",
      ].join("\n"),
    );
    expect(yaml).toContain(
      ["  - name: spans", "    list:", "    - name: annotation_id", "      dtype: string"].join(
        "\n",
      ),
    );
    expect(yaml).toContain("    - name: labels\n      sequence: string");
    expect(yaml).toContain("    - name: confidence\n      dtype: float64");
    expect(yaml).toContain("  splits:\n  - name: train\n    num_examples: 2");
    expect(body).toContain("| `spans[].start` | int32 | First code point. |");
    // User text is escaped in Markdown tables.
    expect(body).toContain("Exaggeration \\| minimisation");
  });

  it("writes a readable dataset with zero rows for an empty export", async () => {
    const empty: ExportInput = { documents: [], annotations: [] };
    const rows = await parquetReadObjects({ file: toArrayBuffer(serializeParquet(empty)) });

    expect(rows).toEqual([]);
    expect(buildDatasetCard(empty)).toContain("num_examples: 0");
    expect(await parseParquet(serializeParquet(empty))).toEqual({ documents: [], annotations: [] });
  });

  it("refuses a mismatched quote", () => {
    const input = buildFixtureExport();
    input.annotations.find((a) => a.id === "a5")!.exact = "critics said";

    expect(() => serializeParquetDataset(input)).toThrow(
      /Annotation "a5": the quote "critics said"/,
    );
  });
});
