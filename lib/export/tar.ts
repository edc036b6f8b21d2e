// A minimal POSIX ustar writer (IEEE Std 1003.1-2001 "ustar" interchange format), enough
// for dataset snapshots: regular files and directories, one 512-byte header each, contents
// padded to 512 bytes, two zero blocks at the end. Every field is fixed (mode 0644/0755,
// owner 0, mtime given by the caller), so the same files give the same bytes. Read by
// GNU tar, bsdtar, Python's tarfile and 7-Zip. Written by hand because Node has no archive
// writer and node:zlib has no zip.

export const tarBlockSize = 512;

// The size field holds 11 octal digits: up to 8 GiB − 1 per file.
export const tarMaxFileSize = 8 ** 11 - 1;

export type TarEntry = {
  // Relative, "/"-separated; directories may end in "/".
  path: string;
  size: number;
  mtime: Date;
  type?: "file" | "directory";
};

const encoder = new TextEncoder();

// The 512-byte header of one entry. Paths longer than 100 bytes are split into the ustar
// prefix (up to 155 bytes) and name (up to 100 bytes) at a "/".
export function createTarHeader(entry: TarEntry): Uint8Array {
  const type = entry.type ?? "file";
  const size = type === "directory" ? 0 : entry.size;

  if (!Number.isInteger(size) || size < 0 || size > tarMaxFileSize) {
    throw new RangeError(`A tar entry must be 0 to ${tarMaxFileSize} bytes, got ${size}.`);
  }

  const { name, prefix } = splitPath(type === "directory" ? ensureSlash(entry.path) : entry.path);
  const header = new Uint8Array(tarBlockSize);

  writeBytes(header, 0, 100, name);
  writeOctal(header, 100, 8, type === "directory" ? 0o755 : 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, Math.max(0, Math.floor(entry.mtime.getTime() / 1000)));
  // The checksum is computed with its own field full of spaces.
  header.fill(0x20, 148, 156);
  header[156] = type === "directory" ? 0x35 : 0x30;
  writeBytes(header, 257, 6, encoder.encode("ustar\0"));
  writeBytes(header, 263, 2, encoder.encode("00"));
  writeBytes(header, 345, 155, prefix);

  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  writeBytes(header, 148, 8, encoder.encode(`${checksum.toString(8).padStart(6, "0")}\0 `));

  return header;
}

// Zero bytes that bring a file of `size` bytes up to the next 512-byte boundary.
export function createTarPadding(size: number): Uint8Array {
  const remainder = size % tarBlockSize;
  return new Uint8Array(remainder === 0 ? 0 : tarBlockSize - remainder);
}

// The end-of-archive marker: two zero blocks.
export function createTarEnd(): Uint8Array {
  return new Uint8Array(tarBlockSize * 2);
}

// A whole archive in memory, for small file sets (and tests).
export function createTar(
  files: { path: string; contents: Uint8Array | string }[],
  mtime: Date,
): Uint8Array {
  const parts: Uint8Array[] = [];

  for (const file of files) {
    const contents =
      typeof file.contents === "string" ? encoder.encode(file.contents) : file.contents;
    parts.push(createTarHeader({ path: file.path, size: contents.byteLength, mtime }));
    parts.push(contents, createTarPadding(contents.byteLength));
  }
  parts.push(createTarEnd());

  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }

  return result;
}

function splitPath(path: string): { name: Uint8Array; prefix: Uint8Array } {
  if (path === "" || path.startsWith("/") || path.split("/").includes("..")) {
    throw new RangeError(`"${path}" is not a safe relative path for a tar entry.`);
  }

  const bytes = encoder.encode(path);
  if (bytes.byteLength <= 100) {
    return { name: bytes, prefix: new Uint8Array(0) };
  }

  // The last "/" that leaves at most 100 bytes of name and at most 155 of prefix.
  for (let index = path.length - 1; index > 0; index -= 1) {
    if (path[index] !== "/") {
      continue;
    }
    const prefix = encoder.encode(path.slice(0, index));
    const name = encoder.encode(path.slice(index + 1));
    if (name.byteLength === 0 || name.byteLength > 100) {
      continue;
    }
    if (prefix.byteLength <= 155) {
      return { name, prefix };
    }
  }

  throw new RangeError(`"${path}" is too long for a ustar entry (100 + 155 bytes).`);
}

function ensureSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

function writeBytes(header: Uint8Array, offset: number, length: number, bytes: Uint8Array) {
  if (bytes.byteLength > length) {
    throw new RangeError(`A tar header field of ${length} bytes cannot hold ${bytes.byteLength}.`);
  }
  header.set(bytes, offset);
}

// Octal digits, zero-padded, then a NUL terminator, filling `length` bytes.
function writeOctal(header: Uint8Array, offset: number, length: number, value: number) {
  writeBytes(
    header,
    offset,
    length,
    encoder.encode(`${value.toString(8).padStart(length - 1, "0")}\0`),
  );
}
