// Test data for the export adapters: the two real fixture articles, normalised as the app
// stores them, with spans placed around the emoji, across paragraph breaks, overlapping
// within one dimension, with label keys holding commas and quotes, and multi-line comments.
import { readFileSync } from "node:fs";
import path from "node:path";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { utf16ToCodePoint } from "@/lib/anchoring/text-position";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";

import type { ExportAnnotation, ExportCodebook, ExportDocument, ExportInput } from "../types";

export const awkwardLabel = 'Slogans, "quoted"';

export const fixtureCodebook: ExportCodebook = {
  key: "newsroom-review",
  name: "Newsroom review",
  version: 2,
  dimensions: [
    {
      key: "stance",
      name: "Stance",
      labels: [
        { key: "critical", name: "Critical" },
        { key: "neutral", name: "Neutral" },
      ],
    },
    {
      key: "sourcing",
      name: "Sourcing",
      labels: [
        { key: "named_person", name: "Named person" },
        { key: "vague_attribution", name: "Vague attribution" },
        { key: "no_source", name: "No source" },
      ],
    },
    {
      key: "accuracy",
      name: "Factual accuracy",
      labels: [
        { key: "accurate", name: "Accurate" },
        { key: "misleading", name: "Misleading" },
        { key: "false", name: "False" },
        { key: "opinion", name: "Opinion" },
      ],
    },
    {
      key: "framing",
      name: "Framing technique",
      labels: [
        { key: "Loaded_Language", name: "Loaded language" },
        { key: "Exaggeration-Minimisation", name: "Exaggeration | minimisation" },
        { key: "Doubt", name: "Doubt" },
        { key: awkwardLabel, name: 'Slogans, with "quotes"' },
      ],
    },
  ],
};

export function readArticle(name: string): string {
  const file = path.resolve(process.cwd(), "../shared/fixtures/articles", name);
  return normalizeText(readFileSync(file, "utf8"));
}

// The code-point span of the `occurrence`-th match of `from` … `to` (inclusive of both).
export function locate(
  text: string,
  from: string,
  to: string = from,
  occurrence = 0,
): { start: number; end: number } {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) {
    index = text.indexOf(from, index + 1);
    if (index < 0) {
      throw new Error(`Phrase not in fixture: ${from}`);
    }
  }

  const endIndex = text.indexOf(to, index) + to.length;
  if (endIndex < to.length) {
    throw new Error(`Phrase not in fixture: ${to}`);
  }

  return { start: utf16ToCodePoint(text, index), end: utf16ToCodePoint(text, endIndex) };
}

type RowSpec = Partial<ExportAnnotation> &
  Pick<ExportAnnotation, "id" | "dimension" | "labels"> & { from: string; to?: string };

function makeRow(document: ExportDocument, spec: RowSpec, order: number): ExportAnnotation {
  const { from, to, ...rest } = spec;
  const { start, end } = locate(document.text, from, to);
  const quote = describeQuote(document.text, start, end);

  return {
    documentId: document.id,
    documentVersion: document.version,
    annotator: "annotator-1",
    start,
    end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    comment: "",
    confidence: 2,
    origin: "person",
    reviewState: "pending",
    createdAt: new Date(Date.UTC(2025, 0, 2, 10, order, 0, 123)),
    updatedAt: new Date(Date.UTC(2025, 0, 3, 9, order, 30, 7)),
    ...rest,
  };
}

export function buildFixtureExport(): ExportInput {
  const wireText = readArticle("paris-summit-wire.txt");
  const blogText = readArticle("paris-summit-blog.txt");

  const wire: ExportDocument = {
    id: "doc-wire",
    title: "Western Allies Forge Strong Security Pact for Ukraine in Paris Talks",
    text: wireText,
    version: 3,
    textHash: hashText(wireText),
    sourceUrl: "https://news.example/world/paris-talks",
    outlet: "Example Wire",
    author: "A. Reporter",
    publishedAt: new Date("2026-01-06T21:15:00.000Z"),
    kind: "ARTICLE",
  };
  const blog: ExportDocument = {
    id: "doc-blog",
    title: "Paris Summit Seeks to Lock in Ukraine’s Future",
    text: blogText,
    version: 1,
    textHash: hashText(blogText),
    sourceUrl: null,
    outlet: null,
    author: null,
    publishedAt: null,
    kind: "SUBMISSION",
  };

  const blogRows: RowSpec[] = [
    // Starts on the emoji (two UTF-16 units, one code point).
    {
      id: "a1",
      dimension: "framing",
      labels: ["Loaded_Language"],
      from: "🔹 A Declaration of Intent",
      to: "With Teeth?",
    },
    // The same highlight labelled in a second dimension: a second row with the same id.
    {
      id: "a1",
      dimension: "stance",
      labels: ["critical"],
      from: "🔹 A Declaration of Intent",
      to: "With Teeth?",
    },
    // Across a paragraph break and through the emoji; two labels in one dimension.
    {
      id: "a2",
      dimension: "framing",
      labels: [awkwardLabel, "Doubt"],
      from: "Here’s the full picture:",
      to: "A Declaration of Intent",
      annotator: "annotator-2",
      comment: 'Spans the heading.\nSecond line, with "quotes", commas\r\nand a CRLF.',
    },
    // Nested overlap within framing, by another annotator.
    {
      id: "a3",
      dimension: "framing",
      labels: ["Loaded_Language"],
      from: "politically and legally binding guarantees",
    },
    {
      id: "a4",
      dimension: "framing",
      labels: ["Exaggeration-Minimisation"],
      from: "legally binding",
      annotator: "annotator-2",
      confidence: null,
    },
    // The same span and label as a3 from a third annotator.
    {
      id: "a8",
      dimension: "framing",
      labels: ["Loaded_Language"],
      from: "politically and legally binding guarantees",
      annotator: "annotator-3",
      reviewState: "accepted",
    },
    {
      id: "a5",
      dimension: "sourcing",
      labels: ["vague_attribution"],
      from: "critics say",
      comment: 'Who are the "critics"?\nNo names, no outlet.',
      reviewState: "edited",
    },
    {
      id: "a6",
      dimension: "accuracy",
      labels: ["misleading"],
      from: "critics say the U.S. commitments",
      to: "than operational",
      annotator: "suggester-model",
      origin: "suggestion",
      reviewState: "accepted",
      confidence: 0.82,
    },
    // Ends right after the emoji.
    {
      id: "a9",
      dimension: "sourcing",
      labels: ["no_source"],
      from: "Here’s the full picture:",
      to: "🔹",
      reviewState: "rejected",
    },
    // A note without labels.
    {
      id: "a7",
      dimension: null,
      labels: [],
      from: "The Elephant Not in the Room",
      comment: "Heading pun,\tworth a look.",
      confidence: null,
    },
  ];

  const wireRows: RowSpec[] = [
    {
      id: "w1",
      dimension: "framing",
      labels: ["Loaded_Language", awkwardLabel],
      from: "«strong» guarantees",
      comment: "Scare quotes, in the original",
    },
    {
      id: "w2",
      dimension: "sourcing",
      labels: ["named_person"],
      from: "«We have largely completed",
      to: "he said",
      reviewState: "gold",
    },
    {
      id: "w3",
      dimension: "accuracy",
      labels: ["accurate"],
      from: "Currently, Russia occupies approximately 20% of Ukraine",
      reviewState: "gold",
      confidence: 3,
      comment: "Matches ISW maps.",
    },
    // Ends inside a word ("region"): CoNLL widens it to the whole token.
    { id: "w4", dimension: "stance", labels: ["neutral"], from: "eastern Donbas regio" },
  ];

  return {
    documents: [wire, blog],
    annotations: [
      ...blogRows.map((spec, order) => makeRow(blog, spec, order)),
      ...wireRows.map((spec, order) => makeRow(wire, spec, order + 20)),
    ],
    codebook: fixtureCodebook,
  };
}
