// Colour-blind-safe palettes for codebook colours. Okabe & Ito (2008), "Color Universal
// Design"; Paul Tol, "Colour schemes" (SRON/EPS/TN/09-002, personal.sron.nl/~pault).
// Distinct hues only go so far: a dimension with more labels than a palette has colours
// keeps one colour and lets the label names carry the meaning.

export const okabeIto = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

// Tol's "muted" qualitative scheme.
export const tolMuted = {
  indigo: "#332288",
  cyan: "#88CCEE",
  teal: "#44AA99",
  green: "#117733",
  olive: "#999933",
  sand: "#DDCC77",
  rose: "#CC6677",
  wine: "#882255",
  purple: "#AA4499",
  paleGrey: "#DDDDDD",
} as const;

// Tol's diverging "BuRd" scheme (the ColorBrewer RdBu colours), for ordinal scales.
export const tolBuRd = [
  "#2166AC",
  "#4393C3",
  "#92C5DE",
  "#D1E5F0",
  "#F7F7F7",
  "#FDDBC7",
  "#F4A582",
  "#D6604D",
  "#B2182B",
] as const;

export const colourBlindSafeColours: ReadonlySet<string> = new Set<string>([
  ...Object.values(okabeIto),
  ...Object.values(tolMuted),
  ...tolBuRd,
]);
