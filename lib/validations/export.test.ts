import { describe, expect, it } from "vitest";

import {
  createSnapshotSchema,
  exportRequestSchema,
  readExportSearchParams,
  toExportSearchParams,
  type ExportRequestInput,
} from "./export";

describe("export requests", () => {
  it("round-trips through search parameters", () => {
    const request: ExportRequestInput = {
      format: "csv",
      realNames: true,
      filters: {
        collectionId: "c1",
        codebookId: "cb1",
        dimensions: ["framing", "stance"],
        annotatorIds: ["u1", "u2"],
        origins: ["person"],
        reviewStates: ["gold", "accepted"],
        createdFrom: "2026-01-01",
        createdTo: "2026-01-31",
        includeComments: false,
      },
    };
    const params = toExportSearchParams(request);

    expect(params.toString()).toBe(
      "format=csv&names=real&collection=c1&codebook=cb1&dimension=framing&dimension=stance&annotator=u1&annotator=u2&origin=person&review=gold&review=accepted&from=2026-01-01&to=2026-01-31&comments=0",
    );
    expect(exportRequestSchema.parse(readExportSearchParams(params))).toEqual(
      exportRequestSchema.parse(request),
    );
  });

  it("defaults to pseudonyms, every filter open and comments included", () => {
    expect(
      exportRequestSchema.parse(readExportSearchParams(new URLSearchParams("format=jsonl"))),
    ).toEqual({
      format: "jsonl",
      realNames: false,
      filters: {
        documentIds: [],
        dimensions: [],
        annotatorIds: [],
        origins: [],
        reviewStates: [],
        includeComments: true,
      },
    });
  });

  it("explains what is wrong", () => {
    const messages = (query: string) => {
      const result = exportRequestSchema.safeParse(
        readExportSearchParams(new URLSearchParams(query)),
      );
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };

    expect(messages("format=xlsx")).toEqual([
      "Choose an export format: jsonl, csv, ptc-tsv, w3c, conll, parquet, claim-review.",
    ]);
    expect(messages("format=csv&names=maybe")).toEqual(["realNames must be true or false."]);
    expect(messages("format=csv&origin=robot")).toEqual(["Origin must be person or suggestion."]);
    expect(messages("format=csv&review=approved")).toEqual([
      "Review state must be one of pending, accepted, rejected, edited, gold.",
    ]);
    expect(messages("format=csv&from=yesterday")).toEqual([
      "The start date must be a date like 2026-01-06.",
    ]);
    expect(messages("format=csv&from=2026-02-01&to=2026-01-01")).toEqual([
      "The end date is before the start date.",
    ]);
    expect(messages("format=csv&document=d1&collection=c1")).toEqual([
      "Choose documents or a collection, not both.",
    ]);
  });

  it("needs a snapshot name and keeps licence and consent short", () => {
    const result = createSnapshotSchema.safeParse({
      format: "jsonl",
      name: "  ",
      licence: "x".repeat(201),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Give the snapshot a name.",
      "The licence can have at most 200 characters.",
    ]);
  });
});
