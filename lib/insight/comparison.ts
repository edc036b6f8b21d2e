import { findOmittedClaims, type OmittedClaim } from "./omitted-claims";
import {
  computeArticleProfile,
  getSourcingGroup,
  getSourcingGroupName,
  type ArticleProfile,
} from "./profile";
import { matchQuotesAcrossDocuments, type QuoteGroup } from "./quotes";
import {
  extractSourceNames,
  findMidSentenceCapitals,
  isSameSource,
  mergeSources,
  type SourceEntry,
  type SourceMention,
} from "./sources";
import { normalizeWords } from "./text-words";
import {
  getOutletName,
  indexLabels,
  type InsightDimension,
  type InsightDocument,
  type LabelIndex,
} from "./types";

// The outlets of one collection side by side (docs/agreement.md, "Comparing outlets").

export type LoadedPhrase = { text: string; highlights: number; annotators: number };

export type OutletColumn = {
  documentId: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  annotators: number;
  profile: ArticleProfile;
  sources: SourceEntry[];
  loadedLanguage: LoadedPhrase[];
};

// Stance toward each target across outlets: one row per target (grouped as in a profile,
// across documents), the label counts of each outlet's highlights toward it.
export type ComparedStanceTargets = {
  dimensionId: string;
  dimensionName: string;
  labels: { labelId: string; name: string }[];
  rows: {
    key: string | null;
    target: string | null;
    // In outlet order; labels[i] counts the dimension's i-th label.
    perOutlet: { documentId: string; highlights: number; labels: number[] }[];
  }[];
};

export type CollectionComparison = {
  outlets: OutletColumn[];
  stanceTargets: ComparedStanceTargets[];
  // Sources quoted by two or more outlets.
  sharedSources: { name: string; documentIds: string[] }[];
  sharedQuotes: QuoteGroup[];
  omittedClaims: OmittedClaim[];
};

// A label counts as loaded language by its key (SemEval's "Loaded_Language", used by every
// shipped codebook) or, for hand-made codebooks, by its name.
export function isLoadedLanguageLabel(label: { key: string; name: string }): boolean {
  return label.key === "Loaded_Language" || /^loaded[\s_-]+language$/i.test(label.name.trim());
}

export function listLoadedLanguage(document: InsightDocument, labels: LabelIndex): LoadedPhrase[] {
  const phrases = new Map<string, { text: string; spans: number; who: Set<string> }>();

  for (const span of document.spans) {
    if (
      !span.labelIds.some((labelId) => {
        const entry = labels.get(labelId);
        return entry !== undefined && isLoadedLanguageLabel(entry.label);
      })
    ) {
      continue;
    }
    const key = normalizeWords(span.exact);
    const entry = phrases.get(key) ?? { text: span.exact.trim(), spans: 0, who: new Set<string>() };
    entry.spans += 1;
    entry.who.add(span.annotatorId);
    phrases.set(key, entry);
  }

  return [...phrases.values()]
    .map((entry) => ({ text: entry.text, highlights: entry.spans, annotators: entry.who.size }))
    .sort(
      (left, right) => right.annotators - left.annotators || right.highlights - left.highlights,
    );
}

export function listSources(document: InsightDocument, labels: LabelIndex): SourceEntry[] {
  const capitals = findMidSentenceCapitals(document.text);
  const mentions: SourceMention[] = [];

  for (const span of document.spans) {
    const sourcing = span.labelIds
      .map((labelId) => labels.get(labelId))
      .find((entry) => entry?.dimension.key === "sourcing");
    if (!sourcing) {
      continue;
    }
    const group = getSourcingGroupName(getSourcingGroup(sourcing.label.key));
    const names = extractSourceNames(span.exact, capitals);
    const mention = {
      group,
      annotatorId: span.annotatorId,
      spanId: span.id,
      passage: span.exact.trim().replace(/\s+/g, " "),
    };
    if (names.length === 0) {
      mentions.push({ ...mention, name: sourcing.label.name, isNamed: false });
    }
    for (const name of names) {
      mentions.push({ ...mention, name, isNamed: true });
    }
  }

  return mergeSources(mentions);
}

export function compareOutlets(
  documents: readonly InsightDocument[],
  dimensions: readonly InsightDimension[],
): CollectionComparison {
  const labels = indexLabels(dimensions);
  const outlets = documents.map((document): OutletColumn => ({
    documentId: document.id,
    outlet: getOutletName(document),
    title: document.title,
    publishedAt: document.publishedAt,
    annotators: document.annotators.length,
    profile: computeArticleProfile(document, dimensions, labels),
    sources: listSources(document, labels),
    loadedLanguage: listLoadedLanguage(document, labels),
  }));

  const sharedSources: CollectionComparison["sharedSources"] = [];
  for (const outlet of outlets) {
    for (const source of outlet.sources.filter((entry) => entry.isNamed)) {
      const existing = sharedSources.find((shared) => isSameSource(shared.name, source.name));
      if (!existing) {
        sharedSources.push({ name: source.name, documentIds: [outlet.documentId] });
        continue;
      }
      if (!existing.documentIds.includes(outlet.documentId)) {
        existing.documentIds.push(outlet.documentId);
      }
      if (source.name.split(" ").length > existing.name.split(" ").length) {
        existing.name = source.name;
      }
    }
  }

  // Every accuracy dimension in use is checked; the newsroom-review key is "accuracy".
  const accuracy = dimensions.filter((dimension) => dimension.key === "accuracy");
  const omittedClaims = accuracy.flatMap((dimension) => findOmittedClaims(documents, dimension));

  return {
    outlets,
    stanceTargets: compareStanceTargets(outlets, dimensions),
    sharedSources: sharedSources
      .filter((shared) => shared.documentIds.length >= 2)
      .sort((left, right) => right.documentIds.length - left.documentIds.length),
    sharedQuotes: matchQuotesAcrossDocuments(documents),
    omittedClaims,
  };
}

export function compareStanceTargets(
  outlets: readonly Pick<OutletColumn, "documentId" | "profile">[],
  dimensions: readonly InsightDimension[],
): ComparedStanceTargets[] {
  return dimensions
    .filter((dimension) => dimension.hasTarget)
    .flatMap((dimension) => {
      const perOutlet = outlets.map((outlet) => ({
        documentId: outlet.documentId,
        entry: outlet.profile.stanceByTarget.find((item) => item.dimensionId === dimension.id),
      }));
      const rows = new Map<
        string | null,
        {
          spellings: Map<string, number>;
          total: number;
          cells: Map<string, { highlights: number; labels: number[] }>;
        }
      >();
      for (const { documentId, entry } of perOutlet) {
        for (const group of entry?.targets ?? []) {
          const row = rows.get(group.key) ?? { spellings: new Map(), total: 0, cells: new Map() };
          if (group.target !== null) {
            row.spellings.set(
              group.target,
              (row.spellings.get(group.target) ?? 0) + group.highlights,
            );
          }
          row.total += group.highlights;
          row.cells.set(documentId, {
            highlights: group.highlights,
            labels: group.labels.map((label) => label.highlights),
          });
          rows.set(group.key, row);
        }
      }
      if (rows.size === 0) {
        return [];
      }

      const mostCommon = (spellings: Map<string, number>) =>
        [...spellings.entries()].reduce<[string, number] | null>(
          (best, entry) => (best && best[1] >= entry[1] ? best : entry),
          null,
        )?.[0] ?? null;
      const ordered = [...rows.entries()].sort(
        ([leftKey, left], [rightKey, right]) =>
          Number(leftKey === null) - Number(rightKey === null) || right.total - left.total,
      );

      return [
        {
          dimensionId: dimension.id,
          dimensionName: dimension.name,
          labels: dimension.labels.map((label) => ({ labelId: label.id, name: label.name })),
          rows: ordered.map(([key, row]) => ({
            key,
            target: key === null ? null : mostCommon(row.spellings),
            perOutlet: outlets.map((outlet) => ({
              documentId: outlet.documentId,
              ...(row.cells.get(outlet.documentId) ?? {
                highlights: 0,
                labels: dimension.labels.map(() => 0),
              }),
            })),
          })),
        },
      ];
    });
}
