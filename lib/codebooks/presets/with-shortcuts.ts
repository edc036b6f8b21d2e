import type { PresetLabel } from "../preset-types";

const shortcutKeys = [..."123456789abcdefghijklmnopqrstuvwxyz"];

// Gives labels keyboard shortcuts in list order: digits 1–9, then letters.
export function withShortcuts(labels: Omit<PresetLabel, "shortcut">[]): PresetLabel[] {
  if (labels.length > shortcutKeys.length) {
    throw new RangeError(`At most ${shortcutKeys.length} labels can get a shortcut.`);
  }

  return labels.map((label, index) => ({ ...label, shortcut: shortcutKeys[index] }));
}
