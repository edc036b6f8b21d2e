// Maps between DOM ranges and offsets into a root element's textContent (UTF-16).
// The only DOM-aware module in lib/anchoring; the reader keeps textContent equal to
// the document text, so these offsets are document offsets.

export type TextOffsets = { start: number; end: number };

// Offset of a DOM boundary point (container + offset) within root's text.
function boundaryToOffset(root: Node, container: Node, offset: number): number {
  const doc = root.ownerDocument ?? document;
  const prefix = doc.createRange();
  prefix.setStart(root, 0);
  prefix.setEnd(container, offset);
  return prefix.toString().length;
}

export function rangeToTextOffsets(root: Node, range: Range): TextOffsets | null {
  if (range.collapsed) {
    return null;
  }

  const doc = root.ownerDocument ?? document;
  const rootRange = doc.createRange();
  rootRange.selectNodeContents(root);

  // Entirely outside root: nothing to map.
  if (
    range.compareBoundaryPoints(Range.END_TO_START, rootRange) >= 0 ||
    range.compareBoundaryPoints(Range.START_TO_END, rootRange) <= 0
  ) {
    return null;
  }

  // Clamp a selection that starts or ends outside root to root's bounds.
  const startsBefore = range.compareBoundaryPoints(Range.START_TO_START, rootRange) < 0;
  const endsAfter = range.compareBoundaryPoints(Range.END_TO_END, rootRange) > 0;
  const textLength = root.textContent?.length ?? 0;

  const start = startsBefore ? 0 : boundaryToOffset(root, range.startContainer, range.startOffset);
  const end = endsAfter ? textLength : boundaryToOffset(root, range.endContainer, range.endOffset);

  return end > start ? { start, end } : null;
}

// Builds a Range over [start, end) of root's text by walking its text nodes.
export function textOffsetsToRange(root: Node, start: number, end: number): Range {
  const doc = root.ownerDocument ?? document;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let startSet = false;
  let last: Node | null = null;

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    last = node;

    if (!startSet && start <= seen + length) {
      range.setStart(node, start - seen);
      startSet = true;
    }

    if (startSet && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }

    seen += length;
  }

  if (last) {
    range.setEnd(last, last.textContent?.length ?? 0);
  }
  return range;
}

// The text offset under a screen point, for dragging a highlight's edge; null outside root.
export function pointToTextOffset(root: Node, x: number, y: number): number | null {
  const doc = root.ownerDocument ?? document;
  let container: Node | null = null;
  let offset = 0;

  if (typeof doc.caretPositionFromPoint === "function") {
    const position = doc.caretPositionFromPoint(x, y);
    container = position?.offsetNode ?? null;
    offset = position?.offset ?? 0;
  } else if (typeof doc.caretRangeFromPoint === "function") {
    const range = doc.caretRangeFromPoint(x, y);
    container = range?.startContainer ?? null;
    offset = range?.startOffset ?? 0;
  }

  if (!container || !root.contains(container)) {
    return null;
  }
  return boundaryToOffset(root, container, offset);
}
