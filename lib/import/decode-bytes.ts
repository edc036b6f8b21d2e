// Decodes bytes in a named character encoding (a WHATWG label such as "utf-8",
// "iso-8859-1", "shift_jis"). Unknown labels fall back to UTF-8.
//
// Node's TextDecoder decodes "windows-1252" (which every Latin-1 label maps to) as
// ISO-8859-1, so bytes 0x80–0x9F come out as invisible C1 controls instead of the
// curly quotes, dashes and € that Windows text uses them for; those are mapped here.
// https://github.com/nodejs/node/issues/56542
export function decodeBytes(bytes: Uint8Array, label: string): string {
  const decoder = createDecoder(label);

  if (decoder.encoding !== "windows-1252") {
    return decoder.decode(bytes);
  }

  let text = "";

  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => windows1252[byte - 0x80] ?? byte));
  }

  return text;
}

export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function createDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("utf-8");
  }
}

// Code points for bytes 0x80–0x9F (https://encoding.spec.whatwg.org/index-windows-1252.txt).
const windows1252 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
