import {
  contentWords,
  jaccard,
  sentencesAround,
  splitSentences,
  type Sentence,
} from "./text-words";
import type { InsightDimension, InsightDocument } from "./types";

// "Claims one outlet makes that others omit": a sentence of one article holding a passage
// with a factual-accuracy label (any verdict but "Opinion, not a factual claim") is omitted
// by another article when no sentence there shares at least 30% of its content words
// (Jaccard of stemmed non-function words, text-words.ts). Every comparison is reported with
// its score and the closest sentence, so a reader can check the call.

export const claimSimilarityThreshold = 0.3;
const notClaimKeys = new Set(["opinion"]);

export type ClaimComparison = {
  documentId: string;
  closest: string;
  similarity: number;
  isOmitted: boolean;
};

export type OmittedClaim = {
  documentId: string;
  sentence: Sentence;
  verdicts: { labelId: string; name: string; annotators: number }[];
  others: ClaimComparison[];
};

export function findOmittedClaims(
  documents: readonly InsightDocument[],
  accuracy: InsightDimension | undefined,
): OmittedClaim[] {
  if (!accuracy || documents.length < 2) {
    return [];
  }

  const claimLabels = new Map(
    accuracy.labels
      .filter((label) => !notClaimKeys.has(label.key))
      .map((label) => [label.id, label]),
  );
  const sentences = new Map(
    documents.map((document) => {
      const split = splitSentences(document.text);
      return [
        document.id,
        split.map((sentence) => ({ sentence, words: contentWords(sentence.text) })),
      ];
    }),
  );
  const claims: OmittedClaim[] = [];

  for (const document of documents) {
    const own = sentences.get(document.id)!.map((entry) => entry.sentence);
    const bySentence = new Map<
      string,
      { sentence: Sentence; verdicts: Map<string, Set<string>> }
    >();

    for (const span of document.spans) {
      const verdictIds = span.labelIds.filter((labelId) => claimLabels.has(labelId));
      if (verdictIds.length === 0) {
        continue;
      }
      const sentence = sentencesAround(own, span.start, span.end);
      if (sentence.text === "") {
        continue;
      }
      const key = `${sentence.start}-${sentence.end}`;
      const entry = bySentence.get(key) ?? { sentence, verdicts: new Map<string, Set<string>>() };
      for (const labelId of verdictIds) {
        const who = entry.verdicts.get(labelId) ?? new Set<string>();
        who.add(span.annotatorId);
        entry.verdicts.set(labelId, who);
      }
      bySentence.set(key, entry);
    }

    for (const { sentence, verdicts } of [...bySentence.values()].sort(
      (left, right) => left.sentence.start - right.sentence.start,
    )) {
      const words = contentWords(sentence.text);
      const others = documents
        .filter((other) => other.id !== document.id)
        .map((other): ClaimComparison => {
          let best = { closest: "", similarity: 0 };
          for (const candidate of sentences.get(other.id)!) {
            const similarity = jaccard(words, candidate.words);
            if (similarity > best.similarity) {
              best = { closest: candidate.sentence.text, similarity };
            }
          }
          return {
            documentId: other.id,
            ...best,
            isOmitted: best.similarity < claimSimilarityThreshold,
          };
        });

      if (others.some((other) => other.isOmitted)) {
        claims.push({
          documentId: document.id,
          sentence,
          verdicts: [...verdicts.entries()].map(([labelId, who]) => ({
            labelId,
            name: claimLabels.get(labelId)!.name,
            annotators: who.size,
          })),
          others,
        });
      }
    }
  }

  return claims;
}
