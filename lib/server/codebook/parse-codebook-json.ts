// Pure: reads codebook JSON text. No "server-only", so unit tests can import it.
import { formatCodebookPath, type CodebookProblem } from "@/lib/codebooks/validate-codebook";

export type ParsedCodebookJson =
  | { ok: true; json: unknown; problems: CodebookProblem[] }
  | { ok: false; problems: CodebookProblem[] };

// Deeper than any codebook; past it, duplicate fields are not looked for (the shape
// check reports such a document anyway).
const maxDepth = 32;

// Parses the text and also reports fields that appear twice in one object: JSON.parse
// silently keeps the last, which would import something other than what the file says.
export function parseCodebookJson(raw: string): ParsedCodebookJson {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const text = raw.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it could not be read";
    return {
      ok: false,
      problems: [{ path: [], location: "", message: `This is not valid JSON: ${reason}` }],
    };
  }

  return { ok: true, json, problems: findDuplicateFields(text) };
}

// Walks text that JSON.parse has accepted, so it only needs to find token boundaries.
export function findDuplicateFields(text: string): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  let at = 0;

  function skipSpace() {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) {
      at += 1;
    }
  }

  function readString(): string {
    const start = at;
    at += 1;
    while (at < text.length && text.charAt(at) !== '"') {
      at += text.charAt(at) === "\\" ? 2 : 1;
    }
    at += 1;
    return JSON.parse(text.slice(start, at)) as string;
  }

  function skipValue(path: (string | number)[]) {
    skipSpace();
    const char = text.charAt(at);

    if (char === "{") {
      at += 1;
      const seen = new Set<string>();
      skipSpace();
      if (text.charAt(at) === "}") {
        at += 1;
        return;
      }
      for (;;) {
        skipSpace();
        const field = readString();
        if (seen.has(field)) {
          problems.push({
            path: [...path, field],
            location: formatCodebookPath([...path, field]),
            message: `The field "${field}" appears more than once in this object; give it once.`,
          });
        }
        seen.add(field);
        skipSpace();
        at += 1; // ":"
        walk([...path, field]);
        skipSpace();
        const next = text.charAt(at);
        at += 1; // "," or "}"
        if (next !== ",") {
          return;
        }
      }
    }

    if (char === "[") {
      at += 1;
      skipSpace();
      if (text.charAt(at) === "]") {
        at += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        walk([...path, index]);
        skipSpace();
        const next = text.charAt(at);
        at += 1; // "," or "]"
        if (next !== ",") {
          return;
        }
      }
    }

    if (char === '"') {
      readString();
      return;
    }

    while (at < text.length && !",]} \t\n\r".includes(text.charAt(at))) {
      at += 1;
    }
  }

  function walk(path: (string | number)[]) {
    if (path.length > maxDepth) {
      throw new RangeError("too deep");
    }
    skipValue(path);
  }

  try {
    walk([]);
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
  }

  return problems;
}
