// Exports read documents in pages and each page's label rows through a cursor of its own
// (load-export-rows.ts). This crosses several pages: every document and row arrives once,
// in document order, and documents whose rows are all filtered out are left out.
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { parseCsv } from "@/lib/export/csv";
import { parseJsonl } from "@/lib/export/jsonl";
import { hashText } from "@/lib/text/hash-text";
import { getLabelIds, makeWorkspaceWithRoles } from "@/tests/factories";

import { exportRequest, exportText } from "./testing/export-test-support";

const documentCount = 130;
const text = "Officials said the plan would work. Critics say it will not.";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
const documentIds = Array.from(
  { length: documentCount },
  (_, index) => `pages-doc-${String(index).padStart(3, "0")}`,
);
// Every seventh document holds only a framing label, so a stance-only export skips it.
const isFramingOnly = (index: number) => index % 7 === 3;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  const labels = await getLabelIds(ctx.workspace.id);
  const db = getDb();
  await db.document.createMany({
    data: documentIds.map((id, index) => ({
      id,
      workspaceId: ctx.workspace.id,
      createdById: ctx.owner.id,
      title: `Page test ${index}`,
      text,
      textHash: hashText(text),
    })),
  });

  for (const [index, documentId] of documentIds.entries()) {
    const spans = [
      { start: 0, end: 14, exact: "Officials said", prefix: "", suffix: text.slice(14, 46) },
      {
        start: 36,
        end: 46,
        exact: "Critics say",
        prefix: text.slice(4, 36),
        suffix: text.slice(46),
      },
    ];
    for (const [order, span] of spans.entries()) {
      const labelKey =
        isFramingOnly(index) || order === 1 ? "framing:Loaded_Language" : "stance:critical";
      await db.annotation.create({
        data: {
          id: `pages-a-${String(index).padStart(3, "0")}-${order}`,
          documentId,
          authorId: ctx.annotator.id,
          documentVersion: 1,
          ...span,
          end: span.start + span.exact.length,
          labels: { create: [{ labelId: labels[labelKey] as string }] },
        },
      });
    }
  }
});

describe("streamExport across pages of documents", () => {
  it("writes every document and row once, in document order", async () => {
    const { text: content } = await exportText(
      ctx.owner.id,
      ctx.workspace.id,
      exportRequest("jsonl"),
    );
    const parsed = parseJsonl(content);

    expect(parsed.documents.map((document) => document.id)).toEqual(documentIds);
    expect(parsed.annotations).toHaveLength(documentCount * 2);
    expect(new Set(parsed.annotations.map((row) => row.id)).size).toBe(documentCount * 2);
  });

  it("leaves out documents whose rows are all outside the chosen dimensions", async () => {
    const { text: content } = await exportText(
      ctx.owner.id,
      ctx.workspace.id,
      exportRequest("csv", { dimensions: ["stance"] }),
    );
    const rows = parseCsv(content);
    const expected = documentIds.filter((_, index) => !isFramingOnly(index));

    expect([...new Set(rows.map((row) => row.documentId))]).toEqual(expected);
    expect(rows.every((row) => row.dimension === "stance")).toBe(true);
    expect(rows).toHaveLength(expected.length);
  });
});
