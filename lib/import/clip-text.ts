// Shortens a one-line value (a title, an author) to fit a limit, ending with "…".
// Limits count UTF-16 units, as the zod schemas do; the cut falls between code points,
// so an emoji is never split in half.
export function clipText(value: string, max: number): string {
  if (value.length <= max) {
    return value;
  }

  let result = "";

  for (const character of value) {
    if (result.length + character.length > max - 1) {
      break;
    }

    result += character;
  }

  return `${result.trimEnd()}…`;
}
