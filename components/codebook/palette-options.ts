import { okabeIto, tolBuRd, tolMuted } from "@/lib/codebooks/palettes";

// Every colour offered in the editor, named, from the colour-blind-safe palettes.
export type PaletteOption = { value: string; name: string; group: string };

function titleCase(name: string) {
  return name.replace(/([A-Z])/g, " $1").replace(/^./, (first) => first.toUpperCase());
}

export const paletteGroups: { group: string; options: PaletteOption[] }[] = [
  {
    group: "Okabe–Ito",
    options: Object.entries(okabeIto).map(([name, value]) => ({
      value,
      name: titleCase(name),
      group: "Okabe–Ito",
    })),
  },
  {
    group: "Paul Tol, muted",
    options: Object.entries(tolMuted).map(([name, value]) => ({
      value,
      name: titleCase(name),
      group: "Paul Tol, muted",
    })),
  },
  {
    group: "Paul Tol, blue to red (scales)",
    options: tolBuRd.map((value, index) => ({
      value,
      name: `Scale step ${index + 1}`,
      group: "Paul Tol, blue to red (scales)",
    })),
  },
];

export const paletteOptions: PaletteOption[] = paletteGroups.flatMap((group) => group.options);

export function isPaletteColor(value: string) {
  return paletteOptions.some((option) => option.value.toLowerCase() === value.toLowerCase());
}
