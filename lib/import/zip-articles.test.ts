import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { parseZipArticles } from "./zip-articles";

const html = `<html><head><title>Tram line opens</title><meta property="og:site_name" content="Valley Wire"></head>
<body><article><h1>Tram line opens</h1><p>The new tram line opened on Monday, officials said.</p><p>Critics say it is late.</p></article></body></html>`;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("Expected a refusal");
}

// Like macOS Finder and most streaming zippers: sizes in data descriptors after the data.
function streamedZip(files: Record<string, string>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) {
      throw error;
    }
    parts.push(chunk);
  });
  for (const [name, content] of Object.entries(files)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(content), true);
  }
  zip.end();
  return Buffer.concat(parts);
}

describe("parseZipArticles", () => {
  it("[imports] reads .txt, .md and .html entries through the single-file import path, one row each", () => {
    const archive = zipSync({
      "articles/": new Uint8Array(),
      "articles/budget.txt": strToU8(
        "Council passes budget\n\nThe council passed the budget on Tuesday.",
      ),
      "articles/notes.md": strToU8("# Heat wave warning\n\nTemperatures will *rise* this week."),
      "articles/tram.html": strToU8(html),
      "articles/photo.jpg": new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      "__MACOSX/articles/._budget.txt": new Uint8Array([0, 5, 22, 7]),
      "articles/.DS_Store": new Uint8Array([0, 0, 0, 1]),
      "articles/empty.txt": new Uint8Array(),
    });

    const result = parseZipArticles(archive, { fileName: "batch.zip" });
    expect(result.format).toBe("zip");
    expect(result.rows.map((row) => [row.entry, row.input?.title ?? row.error])).toEqual([
      ["articles/budget.txt", "Council passes budget"],
      ["articles/notes.md", "Heat wave warning"],
      ["articles/tram.html", "Tram line opens"],
      ["articles/photo.jpg", "Skipped: not a .txt, .md or .html file."],
      ["articles/empty.txt", expect.stringMatching(/empty/)],
    ]);
    expect(result.rows[1]?.input?.text).toBe("Temperatures will rise this week.");
    expect(result.rows[2]?.input).toMatchObject({ outlet: "Valley Wire", kind: "ARTICLE" });
  });

  it("[imports] reads archives whose sizes come after the data (data descriptors)", () => {
    const result = parseZipArticles(
      streamedZip({ "a.txt": "First\n\nOne.", "b.txt": "Second\n\nTwo." }),
    );
    expect(result.rows.map((row) => row.input?.title)).toEqual(["First", "Second"]);
  });

  it("[imports] reports names that climb out of the archive or are absolute, and imports the rest", () => {
    const archive = zipSync({
      "../../etc/passwd.txt": strToU8("root\n\nx"),
      "/abs/story.txt": strToU8("Absolute\n\nx"),
      "C:\\Windows\\story.txt": strToU8("Drive\n\nx"),
      "ok/story.txt": strToU8("Fine story\n\nText."),
    });
    const rows = parseZipArticles(archive).rows;
    expect(rows.filter((row) => row.error).map((row) => [row.entry, row.error])).toEqual([
      ["../../etc/passwd.txt", "Skipped: the path leaves the archive or is absolute."],
      ["/abs/story.txt", "Skipped: the path leaves the archive or is absolute."],
      ["C:\\Windows\\story.txt", "Skipped: the path leaves the archive or is absolute."],
    ]);
    expect(rows.find((row) => row.input)?.input?.title).toBe("Fine story");
  });

  it("[imports] refuses a zip bomb while inflating, whatever sizes the archive declares", () => {
    // 8 MB of zeros compresses to a few KB; the archive then lies that it unpacks to 10 bytes.
    const archive = zipSync({ "bomb.txt": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(archive.length).toBeLessThan(64 * 1024);
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    view.setUint32(22, 10, true); // local header: uncompressed size
    const central = archive.findIndex(
      (_, index) => view.getUint32(index, true) === 0x02014b50 && index > 30,
    );
    view.setUint32(central + 24, 10, true); // central directory: uncompressed size

    const error = refusal(() =>
      parseZipArticles(archive, { fileName: "bomb.zip", maxUncompressedBytes: 1024 * 1024 }),
    );
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      "“bomb.zip” unpacks to more than 1 MB (a zip bomb, or simply too much): nothing was imported. Split it into smaller archives.",
    );
  });

  it("[imports] refuses too many entries, and a file that is not a zip", () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`a${index}.txt`, strToU8(`T${index}\n\nx`)]),
    );
    const error = refusal(() =>
      parseZipArticles(zipSync(files), { maxEntries: 10, fileName: "many.zip" }),
    );
    expect(error.message).toBe(
      "“many.zip” has more than 10 entries; split it into smaller archives.",
    );

    expect(refusal(() => parseZipArticles(strToU8("PK\u0003\u0004garbage"))).code).toBe(
      "INVALID_INPUT",
    );
    expect(refusal(() => parseZipArticles(strToU8("just text"))).message).toMatch(
      /not a zip archive/,
    );
  });

  it("[imports] skips one entry that is too large on its own and keeps the others", () => {
    const archive = zipSync({
      "big.txt": new Uint8Array(64 * 1024).fill(0x61),
      "small.txt": strToU8("Small\n\nText."),
    });
    const rows = parseZipArticles(archive, { maxEntryBytes: 32 * 1024 }).rows;
    expect(rows.map((row) => row.error ?? row.input?.title)).toEqual([
      "Skipped: larger than 0 MB unpacked.",
      "Small",
    ]);
  });
});
