import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { normalizeText } from "@/lib/text/normalize-text";

import { markdownToText } from "./markdown-to-text";
import { textFileToArticle } from "./text-file-to-article";

const encode = (text: string) => new TextEncoder().encode(text);

function readFixture(name: string): Buffer {
  return readFileSync(path.resolve(process.cwd(), "../shared/fixtures/articles", name));
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  throw new Error("Expected a refusal");
}

describe("textFileToArticle: plain text", () => {
  it("takes the first line as the title and the rest as the text", () => {
    const article = textFileToArticle(
      encode("\uFEFFHeadline here\r\n\r\nFirst paragraph.\r\n\r\nSecond.  \r\n"),
      {
        fileName: "story.txt",
      },
    );

    expect(article).toEqual({
      title: "Headline here",
      text: "First paragraph.\n\nSecond.",
      format: "text",
    });
  });

  it.each(["paris-summit-wire.txt", "paris-summit-blog.txt"])(
    "keeps the fixture %s intact, emoji included",
    (name) => {
      const bytes = readFixture(name);
      const source = normalizeText(bytes.toString("utf8"));
      const [headline = ""] = source.split("\n");

      const article = textFileToArticle(bytes, { fileName: name });

      expect(article.title).toBe(headline);
      expect(article.text).toBe(normalizeText(source.slice(headline.length)));
    },
  );

  it("uses the file name as the title when the first line is too long to be one", () => {
    const paragraph = "word ".repeat(100).trim();
    const article = textFileToArticle(encode(`${paragraph}\n\nMore.`), {
      fileName: "field-notes_2026.txt",
    });

    expect(article.title).toBe("field notes 2026");
    expect(article.text).toBe(`${paragraph}\n\nMore.`);
  });

  it("keeps a one-line file as both title and text", () => {
    expect(textFileToArticle(encode("Just one line"), { fileName: "a.txt" })).toMatchObject({
      title: "Just one line",
      text: "Just one line",
    });
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Title\n\nCafé 🔹", "utf16le")]);
    expect(textFileToArticle(bytes, { fileName: "notepad.txt" })).toMatchObject({
      title: "Title",
      text: "Café 🔹",
    });
  });

  it("reads an old 8-bit (Windows-1252) file without garbling it", () => {
    const bytes = Buffer.concat([
      Buffer.from("Caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n\nHe said "),
      Buffer.from([0x93]),
      Buffer.from("no"),
      Buffer.from([0x94]),
      Buffer.from(" "),
      Buffer.from([0x97]),
      Buffer.from(" twice."),
    ]);

    expect(textFileToArticle(bytes, { fileName: "legacy.txt" })).toMatchObject({
      title: "Café",
      text: "He said “no” — twice.",
    });
  });

  it("refuses 8-bit text in another encoding rather than importing gibberish", () => {
    // "Привет мир" in Windows-1251 (Cyrillic).
    const bytes = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]);

    expect(refusal(() => textFileToArticle(bytes, { fileName: "ru.txt" })).message).toMatch(
      /is not valid UTF-8 text.*Save it with UTF-8 encoding/,
    );
  });

  it("refuses a binary file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const error = refusal(() => textFileToArticle(png, { fileName: "photo.txt" }));

    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      "“photo.txt” does not look like a text file (it contains binary data). Upload a .txt or .md file, or paste the article text.",
    );
  });

  it("refuses random bytes without NULs", () => {
    const bytes = new Uint8Array(4096);

    for (let index = 0; index < bytes.length; index += 1) {
      bytes[index] = ((index * 7919) % 255) + 1;
    }

    expect(refusal(() => textFileToArticle(bytes, { fileName: "noise.txt" })).message).toMatch(
      /does not look like a text file/,
    );
  });

  it("refuses UTF-8 with a few broken bytes rather than importing it garbled", () => {
    const bytes = Buffer.concat([Buffer.from("Title\n\nCafé ☕ and "), Buffer.from([0xc3, 0x28])]);
    const error = refusal(() => textFileToArticle(bytes, { fileName: "mixed.txt" }));

    expect(error.message).toMatch(/is not valid UTF-8 text: 1 character could not be read/);
  });

  it("refuses empty files and other file types", () => {
    expect(
      refusal(() => textFileToArticle(encode(" \n\n "), { fileName: "blank.txt" })).message,
    ).toBe("“blank.txt” is empty.");
    expect(
      refusal(() => textFileToArticle(encode("x"), { fileName: "report.pdf" })).message,
    ).toMatch(/imports \.txt and \.md files; “report\.pdf” is neither/);
  });

  it("accepts an explicit format for a file without a known extension", () => {
    expect(
      textFileToArticle(encode("# Heading\n\nBody"), { fileName: "paste", format: "markdown" }),
    ).toMatchObject({ title: "Heading", text: "Body", format: "markdown" });
  });
});

describe("textFileToArticle: Markdown", () => {
  it("takes the first heading as the title and strips the syntax", () => {
    const markdown = [
      "# Allies *agree* on guarantees",
      "",
      "Leaders met in **Paris** on Tuesday, according to",
      '[the wire](https://example.com/wire "Wire") and ![a photo](photo.jpg).',
      "",
      "## What was agreed",
      "",
      "- a truce *monitoring* mechanism;",
      "- long-term support,",
      "  continued for years;",
      "* [x] a multinational force.",
      "",
      "1. first",
      "2. second",
      "",
      "> «Strong» guarantees, Macron said.",
      "> He repeated it.",
      "",
      "---",
      "",
      "Use `snake_case_names` and \\*literal stars\\* &amp; keep ~~old~~ new_text_here.",
      "",
      "```",
      "raw **code** stays",
      "```",
      "",
      "| Country | Troops |",
      "| --- | ---: |",
      "| France | *2,000* |",
      "",
      "[wire]: https://example.com/wire",
      "<!-- a comment -->",
      "Line one  ",
      "line two",
    ].join("\n");

    const article = textFileToArticle(encode(markdown), { fileName: "story.md" });

    expect(article.title).toBe("Allies agree on guarantees");
    expect(article.text).toBe(
      [
        "Leaders met in Paris on Tuesday, according to the wire and a photo.",
        "What was agreed",
        "• a truce monitoring mechanism;\n• long-term support, continued for years;\n• a multinational force.",
        "1. first\n2. second",
        "«Strong» guarantees, Macron said. He repeated it.",
        "Use snake_case_names and *literal stars* & keep old new_text_here.",
        "raw **code** stays",
        "Country\tTroops\nFrance\t2,000",
        "Line one\nline two",
      ].join("\n\n"),
    );
  });

  it("uses a front-matter title and setext headings", () => {
    const markdown = [
      "---",
      'title: "Front matter title"',
      "date: 2026-01-06",
      "---",
      "",
      "Front matter title",
      "==================",
      "",
      "Body text with _emphasis_.",
      "",
      "Section",
      "-------",
      "",
      "More.",
    ].join("\n");

    expect(textFileToArticle(encode(markdown), { fileName: "post.markdown" })).toMatchObject({
      title: "Front matter title",
      text: "Body text with emphasis.\n\nSection\n\nMore.",
    });
  });

  it("falls back to the first line when the file does not open with a heading", () => {
    expect(
      textFileToArticle(encode("Short title line\n\nA *body* paragraph."), { fileName: "n.md" }),
    ).toMatchObject({ title: "Short title line", text: "A body paragraph." });
  });

  it("keeps emoji and text of the fixtures through the Markdown path", () => {
    const source = normalizeText(readFixture("paris-summit-blog.txt").toString("utf8"));
    // No Markdown syntax in the fixture except one trailing "*", which is not emphasis.
    const paragraphs = markdownToText(source).split("\n\n");

    expect(paragraphs.join(" ")).toContain("🔹 A Declaration of Intent — With Teeth?");
    expect(markdownToText(source).match(/🔹/g)).toHaveLength(2);
  });
});
