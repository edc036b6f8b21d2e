// The key that picks each label of a dimension in the tag popover: its own shortcut
// (Label.shortcut, one letter or digit, unique within the dimension), else its position
// 1–9, unless another label of the dimension already uses that digit as its shortcut.
// Case does not matter ("A" and "a" are one key).

type KeyedLabel = { id: string; shortcut: string | null };

export function assignLabelKeys(labels: readonly KeyedLabel[]): Map<string, string> {
  const taken = new Set(
    labels
      .map((label) => label.shortcut?.toLowerCase())
      .filter((shortcut): shortcut is string => Boolean(shortcut)),
  );
  const keys = new Map<string, string>();

  labels.forEach((label, index) => {
    if (label.shortcut) {
      keys.set(label.id, label.shortcut.toLowerCase());
      return;
    }
    const digit = index < 9 ? String(index + 1) : null;
    if (digit && !taken.has(digit)) {
      keys.set(label.id, digit);
    }
  });

  return keys;
}

// The label a key press picks, or null.
export function findLabelForKey(keys: ReadonlyMap<string, string>, key: string): string | null {
  const pressed = key.toLowerCase();
  for (const [labelId, labelKey] of keys) {
    if (labelKey === pressed) {
      return labelId;
    }
  }
  return null;
}
