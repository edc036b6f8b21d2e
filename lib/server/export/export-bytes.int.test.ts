// Pins the exact bytes of streamed JSONL and CSV downloads of a small, fixed workspace, so
// changes made for speed (bench/export) provably change nothing in the files people get.
// Every id, date, name and the pseudonym salt are fixed here; the expected files sit in
// __golden__/ beside this test and were written by the exporter before it was optimised
// (`UPDATE_GOLDEN=1` rewrites them: only for a deliberate change of format).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";
import { hashText } from "@/lib/text/hash-text";

import { streamExport } from "./stream-export";
import { exportRequest, testBaseUrl } from "./testing/export-test-support";

const workspaceId = "golden-bytes-workspace";
const ownerId = "golden-bytes-owner";
const annotatorId = "golden-bytes-annotator";
const twinId = "golden-bytes-twin";

// Code points and UTF-16 differ (emoji, a flag), U+2028 / U+0085 must be escaped in JSONL,
// and CSV cells need quoting for commas, quotes, CR and LF.
const texts = {
  first:
    'Fake 👍 news, critics say, spread "fast".\n\nA second paragraph: critics say it again 🇺🇦.',
  second: "Line\u2028separator and next\u0085line; =SUM(A1) looks like a formula,\ttabbed.",
  orphaned: "Nothing here is exported.",
};

const documentTexts: Record<string, string> = {
  "golden-doc-1": texts.first,
  "golden-doc-2": texts.second,
  "golden-doc-3": texts.orphaned,
};

type Spec = {
  id: string;
  documentId: string;
  authorId: string;
  phrase: string;
  labels: string[];
  comment?: string;
  confidence?: number | null;
  origin?: "PERSON" | "SUGGESTION";
  reviewState?: "PENDING" | "ACCEPTED" | "REJECTED" | "EDITED";
  isGold?: boolean;
  anchorStatus?: "ANCHORED" | "ORPHANED";
  deleted?: boolean;
  minute: number;
};

function spanOf(text: string, phrase: string) {
  const at = text.indexOf(phrase);
  if (at < 0) {
    throw new Error(`"${phrase}" is not in the text`);
  }
  const start = Array.from(text.slice(0, at)).length;
  const end = start + Array.from(phrase).length;
  const points = Array.from(text);
  return {
    start,
    end,
    exact: phrase,
    prefix: points.slice(Math.max(0, start - 32), start).join(""),
    suffix: points.slice(end, end + 32).join(""),
  };
}

const specs: Spec[] = [
  // Two dimensions, a comment with quotes and a CRLF.
  {
    id: "golden-a1",
    documentId: "golden-doc-1",
    authorId: annotatorId,
    phrase: "news",
    labels: ["framing:Loaded_Language", "stance:critical"],
    comment: 'Emotive, "quoted"\r\nsecond line',
    minute: 1,
  },
  // A note without labels.
  {
    id: "golden-a2",
    documentId: "golden-doc-1",
    authorId: annotatorId,
    phrase: "critics say",
    labels: [],
    comment: "Who are they?",
    confidence: null,
    minute: 2,
  },
  // An accepted suggestion over the flag.
  {
    id: "golden-a3",
    documentId: "golden-doc-1",
    authorId: twinId,
    phrase: "again 🇺🇦",
    labels: ["accuracy:misleading"],
    origin: "SUGGESTION",
    reviewState: "ACCEPTED",
    minute: 3,
  },
  // Two labels in one multi-choice dimension, gold.
  {
    id: "golden-a4",
    documentId: "golden-doc-1",
    authorId: ownerId,
    phrase: 'spread "fast"',
    labels: ["framing:Exaggeration-Minimisation", "framing:Loaded_Language"],
    isGold: true,
    minute: 4,
  },
  // Line separators inside quote and context.
  {
    id: "golden-a5",
    documentId: "golden-doc-2",
    authorId: annotatorId,
    phrase: "Line\u2028separator and next\u0085line",
    labels: ["sourcing:vague_attribution"],
    comment: "=cmd|' /C calc'!A0",
    confidence: 1,
    reviewState: "REJECTED",
    minute: 5,
  },
  {
    id: "golden-a6",
    documentId: "golden-doc-2",
    authorId: twinId,
    phrase: "formula,\ttabbed",
    labels: ["stance:neutral"],
    reviewState: "EDITED",
    minute: 6,
  },
  // Left out: deleted, orphaned.
  {
    id: "golden-a7",
    documentId: "golden-doc-2",
    authorId: ownerId,
    phrase: "looks like",
    labels: ["stance:critical"],
    deleted: true,
    minute: 7,
  },
  {
    id: "golden-a8",
    documentId: "golden-doc-3",
    authorId: ownerId,
    phrase: "Nothing",
    labels: ["stance:critical"],
    anchorStatus: "ORPHANED",
    minute: 8,
  },
];

beforeAll(async () => {
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.user.createMany({
      data: [
        { id: ownerId, email: "golden-owner@example.org", name: "Olga Owner" },
        { id: annotatorId, email: "golden-annotator@example.org", name: "Sam Same" },
        { id: twinId, email: "golden-twin@example.org", name: "Sam Same" },
      ].map((user) => ({ ...user, passwordHash: "not-a-real-hash" })),
    });
    await tx.workspace.create({
      data: { id: workspaceId, name: "Golden bytes", pseudonymSalt: "golden-salt" },
    });
    await tx.membership.createMany({
      data: [
        { workspaceId, userId: ownerId, role: "OWNER" as const },
        { workspaceId, userId: annotatorId, role: "ANNOTATOR" as const },
        { workspaceId, userId: twinId, role: "ANNOTATOR" as const },
      ],
    });
    await createCodebookFromPreset({
      tx,
      workspaceId,
      preset: newsroomReviewPreset,
      isDefault: true,
    });
    await tx.document.createMany({
      data: [
        {
          id: "golden-doc-1",
          title: 'First, "quoted" title',
          text: texts.first,
          sourceUrl: "https://news.example/first",
          outlet: "Example Wire",
          author: "A. Reporter",
          publishedAt: new Date("2026-01-06T21:15:00.000Z"),
        },
        { id: "golden-doc-2", title: "Second", text: texts.second, kind: "SUBMISSION" as const },
        { id: "golden-doc-3", title: "Third", text: texts.orphaned },
      ].map((document) => ({
        ...document,
        workspaceId,
        createdById: ownerId,
        textHash: hashText(document.text),
      })),
    });
  });

  const labels = await db.label.findMany({
    where: { dimension: { codebook: { workspaceId } } },
    select: { id: true, key: true, dimension: { select: { key: true } } },
  });
  const labelId = (key: string) => {
    const found = labels.find((label) => `${label.dimension.key}:${label.key}` === key);
    if (!found) {
      throw new Error(`No label ${key}`);
    }
    return found.id;
  };

  for (const spec of specs) {
    const text = documentTexts[spec.documentId] ?? "";
    await db.annotation.create({
      data: {
        id: spec.id,
        documentId: spec.documentId,
        authorId: spec.authorId,
        documentVersion: 1,
        ...spanOf(text, spec.phrase),
        comment: spec.comment ?? "",
        confidence: spec.confidence === undefined ? 2 : spec.confidence,
        origin: spec.origin ?? "PERSON",
        reviewState: spec.reviewState ?? "PENDING",
        isGold: spec.isGold ?? false,
        anchorStatus: spec.anchorStatus ?? "ANCHORED",
        createdAt: new Date(Date.UTC(2026, 0, 2, 10, spec.minute, 0, 123)),
        updatedAt: new Date(Date.UTC(2026, 0, 3, 9, spec.minute, 30, 7)),
        deletedAt: spec.deleted ? new Date(Date.UTC(2026, 0, 4)) : null,
        labels: { create: spec.labels.map((key) => ({ labelId: labelId(key) })) },
      },
    });
  }
});

const goldenFolder = path.join(import.meta.dirname, "__golden__");

async function downloadBytes(format: "jsonl" | "csv", realNames: boolean): Promise<Buffer> {
  const download = await streamExport({
    userId: ownerId,
    workspaceId,
    request: exportRequest(format, {}, realNames),
    baseUrl: testBaseUrl,
  });
  return Buffer.from(await new Response(download.stream).arrayBuffer());
}

describe("streamed export bytes", () => {
  it.each([
    ["jsonl", false, "export.jsonl"],
    ["jsonl", true, "export-real-names.jsonl"],
    ["csv", false, "export.csv"],
    ["csv", true, "export-real-names.csv"],
  ] as const)(
    "%s (real names: %s) is byte for byte the pinned file",
    async (format, realNames, file) => {
      const bytes = await downloadBytes(format, realNames);
      const goldenFile = path.join(goldenFolder, file);

      if (process.env.UPDATE_GOLDEN === "1") {
        await mkdir(goldenFolder, { recursive: true });
        await writeFile(goldenFile, bytes);
      }
      expect(existsSync(goldenFile), `${file} is missing; UPDATE_GOLDEN=1 writes it`).toBe(true);
      const expected = await readFile(goldenFile);

      // Compared as text first for a readable diff, then byte for byte.
      expect(bytes.toString("utf8")).toBe(expected.toString("utf8"));
      expect(bytes.equals(expected)).toBe(true);
    },
  );
});
