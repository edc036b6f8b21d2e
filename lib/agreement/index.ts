// Inter-annotator agreement for span annotation. Pure TypeScript: safe in the browser,
// on the server and in workers. Offsets are Unicode code points, end exclusive.

export {
  createAgreement,
  createUndefined,
  type AgreementCounts,
  type AgreementResult,
  type ConfidenceInterval,
  type DefinedAgreement,
  type UndefinedAgreement,
  type UndefinedCode,
} from "./agreement-result";
export type { AlphaLevel, DistanceFunction, NumericLevel } from "./alpha-distance";
export {
  bootstrapKrippendorffAlpha,
  defaultBootstrap,
  type BootstrapOptions,
} from "./bootstrap-alpha";
export {
  computeCohenKappa,
  computeCohenKappaFromTable,
  type KappaDetail,
  type KappaResult,
} from "./cohen-kappa";
export {
  computeDimensionAgreement,
  type DimensionAgreement,
  type DimensionInput,
  type DimensionOptions,
  type LabelAgreement,
  type SpanF1Summary,
} from "./dimension-agreement";
export {
  computeFleissKappa,
  computeFleissKappaFromRatings,
  type FleissDetail,
  type FleissResult,
} from "./fleiss-kappa";
export {
  computeCoincidenceMatrix,
  computeKrippendorffAlpha,
  computeKrippendorffAlphaFromCounts,
  type AlphaDetail,
  type AlphaResult,
  type CoincidenceMatrix,
  type CustomDistanceOptions,
  type KrippendorffAlphaOptions,
} from "./krippendorff-alpha";
export { jaccardDistance, masiDistance, type LabelSet } from "./masi-distance";
export {
  computePairwiseSpanF1,
  type PairResult,
  type PairwiseMeanDetail,
  type PairwiseMeanResult,
  type PairwiseSpanF1,
} from "./pairwise-span-f1";
export type { Primitive, ReliabilityData } from "./reliability-data";
export { computeScottPi, computeScottPiFromTable } from "./scott-pi";
export { createSeededRandom } from "./seeded-random";
export {
  computeSpanF1,
  type SpanF1Detail,
  type SpanF1Options,
  type SpanF1Result,
  type SpanMatch,
} from "./span-f1";
export type { AnnotatorSpans, Span } from "./spans";
export {
  computeTokenAgreement,
  type MultiLabelSpan,
  type TokenAgreement,
  type TokenAgreementInput,
  type TokenAgreementOptions,
  type TokenMeasures,
  type TokenScope,
} from "./token-agreement";
export { labelTokens } from "./token-spans";
export { tokenizeCharacters, tokenizeWords, type Token } from "./tokenize";
export {
  computeUnitizedAlpha,
  type UnitizedAlpha,
  type UnitizedAlphaResult,
  type UnitizedDetail,
  type UnitizingInput,
} from "./unitized-alpha";
