import { writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createTar, createTarEnd, createTarHeader, createTarPadding, tarBlockSize } from "./tar";
import { createTempDir, runPython } from "./testing/run-python";

// Python's tarfile is the independent reader: it checks magic, checksums and sizes.
const pythonReader = String.raw`
import json, sys, tarfile
out = []
with tarfile.open(sys.argv[1], mode="r:") as archive:
    for member in archive.getmembers():
        entry = {"name": member.name, "size": member.size, "type": "dir" if member.isdir() else "file",
                 "mtime": member.mtime, "mode": member.mode}
        if member.isfile():
            entry["text"] = archive.extractfile(member).read().decode("utf-8")
        out.append(entry)
print(json.dumps(out))
`;

const mtime = new Date("2025-03-04T05:06:07Z");

function readWithPython(bytes: Uint8Array) {
  const file = path.join(createTempDir("fw-tar-"), "archive.tar");
  writeFileSync(file, bytes);
  return runPython(pythonReader, [file]) as {
    name: string;
    size: number;
    type: string;
    mtime: number;
    mode: number;
    text?: string;
  }[];
}

describe("tar writer", () => {
  it("writes an archive Python's tarfile reads back byte for byte, emoji and long paths included", () => {
    const longDirectory = `${"dataset-".repeat(12)}snapshot-1`;
    const files = [
      { path: "snap/README.md", contents: "# Datasheet\n\nFake 👍 news.\n" },
      { path: "snap/empty.txt", contents: "" },
      { path: "snap/exact.txt", contents: "x".repeat(tarBlockSize) },
      { path: `${longDirectory}/data/train-00000-of-00001.parquet`, contents: "PAR1" },
    ];

    const archive = createTar(files, mtime);
    const entries = readWithPython(archive);

    expect(archive.byteLength % tarBlockSize).toBe(0);
    expect(entries.map((entry) => entry.name)).toEqual(files.map((file) => file.path));
    expect(entries.map((entry) => entry.text)).toEqual(files.map((file) => file.contents));
    expect(entries[0]).toMatchObject({
      size: new TextEncoder().encode(files[0]!.contents).byteLength,
      mtime: mtime.getTime() / 1000,
      mode: 0o644,
    });
    expect(new TextDecoder().decode(archive.slice(257, 265))).toBe("ustar\u000000");
  });

  it("gives the same bytes for the same files and time", () => {
    const files = [{ path: "a/b.txt", contents: "same" }];
    expect(createTar(files, mtime)).toEqual(createTar(files, mtime));
  });

  it("pads to whole blocks and ends with two zero blocks", () => {
    expect(createTarPadding(0).byteLength).toBe(0);
    expect(createTarPadding(1).byteLength).toBe(511);
    expect(createTarPadding(512).byteLength).toBe(0);
    expect(createTarPadding(513).byteLength).toBe(511);
    expect(createTarEnd()).toEqual(new Uint8Array(1024));
  });

  it("writes directory entries", () => {
    const header = createTarHeader({ path: "snap", size: 0, mtime, type: "directory" });
    const archive = new Uint8Array([...header, ...createTarEnd()]);
    expect(readWithPython(archive)).toEqual([
      expect.objectContaining({ name: "snap", type: "dir", mode: 0o755 }),
    ]);
  });

  it("refuses unsafe or impossible entries", () => {
    expect(() => createTarHeader({ path: "/etc/passwd", size: 1, mtime })).toThrow(/safe/);
    expect(() => createTarHeader({ path: "a/../b", size: 1, mtime })).toThrow(/safe/);
    expect(() => createTarHeader({ path: "x".repeat(101), size: 1, mtime })).toThrow(/too long/);
    expect(() => createTarHeader({ path: "a", size: -1, mtime })).toThrow(RangeError);
  });
});
