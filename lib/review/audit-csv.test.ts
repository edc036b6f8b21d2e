import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { auditCsvColumns, serializeAuditCsvHeader, serializeAuditCsvRows } from "./audit-csv";

describe("audit CSV", () => {
  it("round-trips events with commas, quotes, line breaks and JSON through a CSV parser", () => {
    const csv =
      serializeAuditCsvHeader() +
      serializeAuditCsvRows([
        {
          createdAt: new Date("2026-01-06T10:00:00.000Z"),
          actorId: "u1",
          actorName: 'Ana "the editor", senior',
          action: "annotation.update",
          entityType: "annotation",
          entityId: "a1",
          before: { comment: "line one\nline two" },
          after: { comment: "x, y" },
        },
        {
          createdAt: new Date("2026-01-06T10:00:01.000Z"),
          actorId: null,
          actorName: null,
          action: "document.create",
          entityType: "document",
          entityId: "d1",
          before: null,
          after: { title: "Budget" },
        },
      ]);

    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual([...auditCsvColumns]);
    expect(records[1]).toEqual([
      "2026-01-06T10:00:00.000Z",
      "u1",
      'Ana "the editor", senior',
      "annotation.update",
      "annotation",
      "a1",
      '{"comment":"line one\\nline two"}',
      '{"comment":"x, y"}',
    ]);
    expect(records[2]?.slice(1, 3)).toEqual(["", ""]);
    expect(records[2]?.[6]).toBe("");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const csv = serializeAuditCsvRows([
      {
        createdAt: new Date("2026-01-06T10:00:00.000Z"),
        actorId: "u1",
        actorName: '=HYPERLINK("http://evil")',
        action: "annotation.create",
        entityType: "annotation",
        entityId: "a1",
        before: null,
        after: null,
      },
    ]);
    const [row] = parse(csv) as string[][];
    expect(row?.[2]).toBe('\'=HYPERLINK("http://evil")');
  });
});
