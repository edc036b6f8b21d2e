// Thrown when export input is inconsistent (serialize) or a file is malformed (parse).
// Callers map it to a 422 with `message`, which always names the annotation, document or
// line at fault so the person can find it.
export class ExportError extends Error {
  readonly annotationId: string | undefined;

  constructor(message: string, options: { annotationId?: string } = {}) {
    super(message);
    this.name = "ExportError";
    this.annotationId = options.annotationId;
  }
}

// Shortens user text for error messages, keeping them one readable line.
export function quoteForMessage(value: string, max = 60): string {
  const codePoints = Array.from(value);
  const shown = codePoints.length > max ? `${codePoints.slice(0, max).join("")}…` : value;
  return JSON.stringify(shown);
}
