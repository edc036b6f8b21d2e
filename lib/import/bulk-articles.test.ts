import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { limits } from "@/lib/validations/limits";

import { parseBulkArticles } from "./bulk-articles";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  throw new Error("Expected a refusal");
}

describe("parseBulkArticles: JSON Lines", () => {
  it("keeps good rows and reports each bad one with its line", () => {
    const lines = [
      JSON.stringify({
        title: "Paris summit",
        text: "Allies agreed on guarantees. 🔹",
        source_url: "https://news.example/a",
        outlet: "Wire",
        author: "Jane Reporter",
        published_at: "2026-01-06T18:30:00-05:00",
      }),
      JSON.stringify({ title: "No text here" }),
      "",
      JSON.stringify({ text: "A text without a title" }),
      JSON.stringify({ title: "Bad URL", text: "Body", url: "ftp://example.com/x" }),
      JSON.stringify({ title: "Bad date", text: "Body", date: "Jan 6" }),
      '{"title": "Broken", "text": "missing brace"',
      JSON.stringify({ title: "Too long", text: "x".repeat(limits.textMaxChars + 1) }),
      '["not", "an", "object"]',
      JSON.stringify({ title: "Second good", text: "Line one\r\nLine two  ", date: "2025-12-31" }),
      JSON.stringify({ title: "Nested", text: "Body", author: { name: "X" } }),
    ];

    const result = parseBulkArticles(lines.join("\n"), { fileName: "batch.jsonl" });

    expect(result.format).toBe("jsonl");
    expect(result.rows.map((row) => row.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.rows[0]).toEqual({
      line: 1,
      input: {
        title: "Paris summit",
        text: "Allies agreed on guarantees. 🔹",
        kind: "ARTICLE",
        sourceUrl: "https://news.example/a",
        outlet: "Wire",
        author: "Jane Reporter",
        publishedAt: "2026-01-06",
      },
    });
    expect(result.rows.slice(1, 8).map((row) => row.error)).toEqual([
      "The text is missing.",
      "The title is missing.",
      "The source URL must start with http:// or https://",
      "The published date “Jan 6” is not a date like 2026-01-06.",
      expect.stringMatching(/^This line is not valid JSON \(.+\)\.$/) as unknown,
      "The text is too long: at most 1,000,000 characters.",
      'This line is not a JSON object: write each article as {"title": …, "text": …}.',
    ]);
    expect(result.rows[8]).toMatchObject({
      line: 10,
      input: { title: "Second good", text: "Line one\nLine two", publishedAt: "2025-12-31" },
    });
    expect(result.rows[9]).toEqual({ line: 11, error: "The author must be text, not an object." });
  });

  it("detects JSON Lines without a file name", () => {
    const result = parseBulkArticles('{"title":"A","text":"B"}\n');
    expect(result).toMatchObject({ format: "jsonl", rows: [{ line: 1, input: { title: "A" } }] });
  });

  it("accepts numbers where text is expected", () => {
    const result = parseBulkArticles('{"title": 1984, "text": "Orwell"}');
    expect(result.rows[0]?.input?.title).toBe("1984");
  });
});

describe("parseBulkArticles: CSV", () => {
  it("reads quoted commas and newlines, and reports bad rows at the line they start", () => {
    const csv = [
      "title,text,url,outlet,author,date",
      '"Paris, summit","First paragraph, with a comma.',
      "",
      'Second paragraph with ""quotes"".",https://news.example/a,Wire,Jane,2026-01-06',
      ",Text without a title,,,,",
      "",
      "Ünïcödé title 🔹,Short text,not a url,,,",
      "Good again,Body,,,,",
      "Too,many,values,here,x,y,z",
    ].join("\r\n");

    const result = parseBulkArticles(csv, { fileName: "batch.csv" });

    expect(result.format).toBe("csv");
    expect(result.rows).toEqual([
      {
        line: 2,
        input: {
          title: "Paris, summit",
          text: 'First paragraph, with a comma.\n\nSecond paragraph with "quotes".',
          kind: "ARTICLE",
          sourceUrl: "https://news.example/a",
          outlet: "Wire",
          author: "Jane",
          publishedAt: "2026-01-06",
        },
      },
      { line: 5, error: "The title is missing." },
      { line: 7, error: "The source URL must start with http:// or https://" },
      { line: 8, input: { title: "Good again", text: "Body", kind: "ARTICLE" } },
      {
        line: 9,
        error:
          "This row has 7 values but the header has 6 columns; put text that contains a “,” in double quotes.",
      },
    ]);
  });

  it("accepts semicolon-separated files and source_url / published_at headers", () => {
    const csv =
      "Title;Text;Source URL;Published At\nA;B, with comma;https://x.example/;2026-01-06\n";
    const result = parseBulkArticles(csv);

    expect(result).toMatchObject({
      format: "csv",
      rows: [
        {
          line: 2,
          input: {
            title: "A",
            text: "B, with comma",
            sourceUrl: "https://x.example/",
            publishedAt: "2026-01-06",
          },
        },
      ],
    });
  });

  it("keeps the rows before an unclosed quote and reports where it starts", () => {
    const csv = 'title,text\nGood,Body\nBroken,"never closed\nmore text\n';
    const result = parseBulkArticles(csv, { fileName: "x.csv" });

    expect(result.rows).toEqual([
      { line: 2, input: { title: "Good", text: "Body", kind: "ARTICLE" } },
      {
        line: 3,
        error:
          "A quoted value that starts on this line is never closed; the rest of the file could not be read.",
      },
    ]);
  });

  it("refuses a CSV whose header lacks a title or text column", () => {
    expect(refusal(() => parseBulkArticles("name,body\nA,B", { fileName: "x.csv" })).message).toBe(
      "The CSV header must name a title and a text column; it has “name”, “body”.",
    );
  });
});

describe("parseBulkArticles: whole-file refusals", () => {
  it.each(["", "   \n\n  "])("refuses an empty file", (content) => {
    const error = refusal(() => parseBulkArticles(content, { fileName: "empty.csv" }));

    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("“empty.csv” is empty: it has no articles to import.");
  });

  it("refuses a file that is neither JSON Lines nor CSV", () => {
    const prose = "Dear editor,\n\nThis is just a letter, not a table of articles.\n";

    expect(refusal(() => parseBulkArticles(prose)).message).toMatch(
      /neither JSON Lines .* nor CSV with a header row/,
    );
  });

  it("refuses pretty-printed JSON with a hint", () => {
    expect(
      refusal(() => parseBulkArticles('{\n  "title": "A",\n  "text": "B"\n}\n')).message,
    ).toMatch(/pretty-printed JSON/);
  });

  it("refuses a JSON array with a hint", () => {
    expect(refusal(() => parseBulkArticles('[{"title":"A","text":"B"}]')).message).toMatch(
      /JSON array.*one article object per line/,
    );
  });

  it("reads bytes: a UTF-16 spreadsheet export with tabs", () => {
    const text = "title\ttext\nCafé\tBody 🔹\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

    expect(parseBulkArticles(bytes, { fileName: "export.csv" }).rows).toEqual([
      { line: 2, input: { title: "Café", text: "Body 🔹", kind: "ARTICLE" } },
    ]);
  });

  it("refuses binary bytes", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]);

    expect(refusal(() => parseBulkArticles(zip, { fileName: "book.xlsx" })).message).toMatch(
      /does not look like a text file/,
    );
  });

  it("refuses binary content", () => {
    expect(
      refusal(() => parseBulkArticles("PK\u0003\u0004\u0000\u0000", { fileName: "a.csv" })).message,
    ).toMatch(/not a text file/);
  });

  it("refuses more rows than the limit", () => {
    const rows = Array.from({ length: 4 }, (_, index) => `{"title":"T${index}","text":"B"}`);
    const error = refusal(() => parseBulkArticles(rows.join("\n"), { maxRows: 3 }));

    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      "The file has more than 3 articles; split it into files of at most 3.",
    );

    const csv = ["title,text", "A,B", "C,D", "E,F", "G,H"].join("\n");
    expect(refusal(() => parseBulkArticles(csv, { maxRows: 3 })).code).toBe("PAYLOAD_TOO_LARGE");
    expect(parseBulkArticles(csv, { maxRows: 4 }).rows).toHaveLength(4);
  });
});
