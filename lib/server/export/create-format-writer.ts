import "server-only";

import { buildClaimReviews } from "@/lib/export/claim-review";
import { serializeConllDocument, serializeConllHeader, type ConllReport } from "@/lib/export/conll";
import { serializeCsvHeader, serializeCsvRows } from "@/lib/export/csv";
import { toJsonLine } from "@/lib/export/json-line";
import { serializeJsonlLine } from "@/lib/export/jsonl";
import { serializePtcTsvDocument } from "@/lib/export/ptc-tsv";
import type { ExportAnnotation, ExportDocument } from "@/lib/export/types";
import { buildW3cCollection, type W3cOptions } from "@/lib/export/w3c";

import type { ExportPlan } from "./resolve-export";

// One export format written document by document: the header once, each document's part
// as it is read, the footer once. Every part goes through the adapter in lib/export, so the
// quote check and row order of `prepareExport` hold for streamed files too. Labels come
// from the plan's codebook and dimensions by construction (the reader's SQL selects only
// those). Parquet is not here: it is built whole (see write-snapshot.ts).
export type FormatWriter = {
  header: () => string;
  document: (document: ExportDocument, annotations: ExportAnnotation[]) => string;
  footer: () => string;
  // Lines for the datasheet about what the format changed or could not hold.
  notes: () => string[];
};

export function createFormatWriter(plan: ExportPlan): FormatWriter {
  const { codebook } = plan;
  const dimensionKeys = codebook.dimensions.map((dimension) => dimension.key);
  const input = (document: ExportDocument, annotations: ExportAnnotation[]) => ({
    documents: [document],
    annotations,
    codebook,
  });

  switch (plan.format) {
    case "jsonl":
      return {
        header: () => "",
        document: (document, annotations) =>
          serializeJsonlLine(document, annotations, {
            codebook: { key: codebook.key, version: codebook.version },
          }),
        footer: () => "",
        notes: () => [],
      };

    case "csv":
      return {
        header: () => serializeCsvHeader(),
        document: (document, annotations) => serializeCsvRows(document, annotations),
        footer: () => "",
        notes: () => [],
      };

    case "ptc-tsv": {
      const dimension = dimensionKeys.length === 1 ? dimensionKeys[0] : undefined;
      return {
        header: () => "",
        document: (document, annotations) =>
          serializePtcTsvDocument(document, annotations, {
            dimension,
          }),
        footer: () => "",
        notes: () => [
          "PTC TSV holds labelled spans only (article_id, technique, start, end): notes, annotators, comments and review states are not in it, and identical spans from several annotators are written once.",
        ],
      };
    }

    case "conll": {
      const report: ConllReport = {
        warningCount: 0,
        overlapsDropped: 0,
        duplicatesMerged: 0,
        spansExpanded: 0,
        spansWithoutTokens: 0,
        notices: [],
      };
      return {
        header: () => serializeConllHeader(dimensionKeys),
        document: (document, annotations) => {
          const result = serializeConllDocument(document, annotations, dimensionKeys);
          report.warningCount += result.report.warningCount;
          report.overlapsDropped += result.report.overlapsDropped;
          report.duplicatesMerged += result.report.duplicatesMerged;
          report.spansExpanded += result.report.spansExpanded;
          report.spansWithoutTokens += result.report.spansWithoutTokens;
          return result.content;
        },
        footer: () => "",
        notes: () => [
          `CoNLL holds one BIO tag per token and dimension: ${report.overlapsDropped} overlapping span(s) were dropped, ${report.spansExpanded} widened to whole tokens, ${report.spansWithoutTokens} covered no token, and ${report.duplicatesMerged} identical span(s) from several annotators merged (rule: longest first, then earliest, then label key, then annotation id).`,
        ],
      };
    }

    case "w3c": {
      const options: W3cOptions = {
        baseUrl: plan.baseUrl,
        label: `${plan.workspace.name} annotations`,
      };
      let total = 0;
      return {
        header: () => {
          // The collection envelope as the adapter writes it, with the embedded page opened
          // for streaming. `total` is only known at the end, so it closes the object (JSON
          // member order carries no meaning in JSON-LD).
          const { total: _total, ...envelope } = buildW3cCollection(
            { documents: [], annotations: [], codebook },
            options,
          );
          const page = { id: `${envelope.id}?page=0`, type: "AnnotationPage", startIndex: 0 };
          return `${JSON.stringify(envelope, null, 2).slice(0, -2)},\n  "first": ${JSON.stringify(page).slice(0, -1)},\n  "items": [\n`;
        },
        document: (document, annotations) => {
          const items = buildW3cCollection(input(document, annotations), options).first?.items;
          if (!items || items.length === 0) {
            return "";
          }
          const separator = total === 0 ? "" : ",\n";
          total += items.length;
          return `${separator}${items.map((item) => JSON.stringify(item)).join(",\n")}`;
        },
        footer: () => `\n]},\n  "total": ${total}\n}\n`,
        notes: () => [],
      };
    }

    case "claim-review": {
      const scale = plan.verdictScale;
      if (!scale) {
        throw new Error("A ClaimReview export needs the verdict scale from resolveExport.");
      }
      let isFirst = true;
      return {
        header: () => "[\n",
        document: (document, annotations) => {
          const reviews = buildClaimReviews(input(document, annotations), {
            scale,
            publisher: { type: "Organization", name: plan.workspace.name },
            baseUrl: plan.baseUrl,
          });
          const text = reviews.map((review) => toJsonLine(review)).join(",\n");
          if (text === "") {
            return "";
          }
          const separator = isFirst ? "" : ",\n";
          isFirst = false;
          return `${separator}${text}`;
        },
        footer: () => "\n]\n",
        notes: () => [
          `ClaimReview holds the “${scale.dimension}” verdicts only, one review per highlight, published by “${plan.workspace.name}”.`,
        ],
      };
    }

    case "parquet":
      throw new Error("Parquet is written whole, not document by document.");
  }
}
