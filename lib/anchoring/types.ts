// W3C Web Annotation selector shapes. Offsets are Unicode code points, end exclusive.
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

export type TextQuoteSelector = {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
};
