import { describe, expect, it } from "vitest";

import {
  exportFormatKeys,
  exportFormats,
  getExportFileName,
  getExportFormat,
  isExportFormatKey,
} from "./formats";

describe("[export] format registry", () => {
  it("lists every format once with an extension and MIME type", () => {
    expect(exportFormats.map((format) => format.key)).toEqual([...exportFormatKeys]);
    for (const format of exportFormats) {
      expect(format.extension).toMatch(/^[a-z]+$/);
      expect(format.mimeType).toMatch(/^[a-z]+\/[\w.+-]+/);
      expect(format.label.length).toBeGreaterThan(0);
    }
    expect(getExportFormat("w3c").mimeType).toBe(
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    );
    expect(getExportFormat("parquet")).toMatchObject({ isMultiFile: true, isStreaming: false });
    expect(getExportFormat("jsonl").isStreaming).toBe(true);
  });

  it("recognises keys and builds safe file names", () => {
    expect(isExportFormatKey("conll")).toBe(true);
    expect(isExportFormatKey("xlsx")).toBe(false);
    expect(getExportFileName("csv", "Class 9B / Paris «summit»")).toBe("Class-9B-Paris-summit.csv");
    expect(getExportFileName("jsonl", "../..")).toBe("export.jsonl");
    expect(getExportFileName("conll", ".hidden v2.1")).toBe("hidden-v2.1.conll");
    expect(getExportFileName("ptc-tsv", "   ")).toBe("export.tsv");
  });
});
