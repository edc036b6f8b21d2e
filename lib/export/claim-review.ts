// schema.org ClaimReview JSON-LD for accuracy verdicts, the markup fact-check search
// features read. Each annotation row in the verdict dimension becomes one ClaimReview:
// - claimReviewed: the highlighted quote;
// - reviewRating: from the verdict scale passed in (rated verdicts get ratingValue,
//   worstRating and bestRating; others such as "opinion" only alternateName);
// - itemReviewed: a Claim whose appearance is the article (its original URL when known);
// - author: the publishing organisation; datePublished: when the verdict was last saved;
//   reviewBody: the annotator's comment, if any.
// Other dimensions are ignored. The caller chooses which review states to publish (for
// instance accepted and gold only). Lossy by design, so there is no parser.
import { ExportError } from "./export-error";
import { prepareExport } from "./prepare-export";
import type { ExportAnnotation, ExportDocument, ExportInput } from "./types";

export type VerdictScale = {
  // Dimension whose labels are verdicts, e.g. "accuracy".
  dimension: string;
  bestRating: number;
  worstRating: number;
  // Verdicts on the scale, with their Rating value (between worst and best) and the name
  // shown as alternateName (the terms of schema.org Rating).
  ratings: { label: string; name: string; rating: number }[];
  // Verdicts off the scale (e.g. "unverifiable", "opinion"): rated by name only.
  unrated?: { label: string; name: string }[];
};

export type ClaimReviewOptions = {
  scale: VerdictScale;
  // The fact-checker publishing the reviews.
  publisher: { type: "Organization" | "Person"; name: string; url?: string };
  // Where this Framewise instance is served; used for review URLs and for documents
  // without a source URL.
  baseUrl: string;
  // The page where the review is published (Google requires one per review). Default:
  // `${baseUrl}/annotations/<id>`.
  reviewUrl?: (annotation: ExportAnnotation) => string;
};

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { "@type": "Organization" | "Person"; name: string; url?: string };
  reviewRating: {
    "@type": "Rating";
    alternateName: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
  };
  itemReviewed: {
    "@type": "Claim";
    appearance: {
      "@type": "NewsArticle" | "CreativeWork";
      url: string;
      headline: string;
      author?: { "@type": "Person"; name: string };
      publisher?: { "@type": "Organization"; name: string };
      datePublished?: string;
    };
  };
  reviewBody?: string;
};

export function buildClaimReviews(input: ExportInput, options: ClaimReviewOptions): ClaimReview[] {
  const { scale } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  const low = Math.min(scale.worstRating, scale.bestRating);
  const high = Math.max(scale.worstRating, scale.bestRating);
  const verdicts = new Map<string, { name: string; rating: number | null }>();

  for (const verdict of scale.ratings) {
    if (!Number.isFinite(verdict.rating) || verdict.rating < low || verdict.rating > high) {
      throw new ExportError(
        `Verdict "${verdict.label}" has rating ${verdict.rating}, outside ${scale.worstRating}–${scale.bestRating}.`,
      );
    }
    verdicts.set(verdict.label, { name: verdict.name, rating: verdict.rating });
  }
  for (const verdict of scale.unrated ?? []) {
    verdicts.set(verdict.label, { name: verdict.name, rating: null });
  }

  return prepareExport(input).flatMap(({ document, annotations }) =>
    annotations
      .filter((annotation) => annotation.dimension === scale.dimension)
      .map((annotation) => {
        const [label, ...others] = annotation.labels;
        if (label === undefined || others.length > 0) {
          throw new ExportError(
            `Annotation "${annotation.id}" has ${annotation.labels.length} verdicts in "${scale.dimension}"; a ClaimReview needs exactly one.`,
            { annotationId: annotation.id },
          );
        }

        const verdict = verdicts.get(label);
        if (!verdict) {
          throw new ExportError(
            `Annotation "${annotation.id}" has verdict "${label}", which is not on the verdict scale.`,
            { annotationId: annotation.id },
          );
        }

        return {
          "@context": "https://schema.org" as const,
          "@type": "ClaimReview" as const,
          url:
            options.reviewUrl?.(annotation) ??
            `${base}/annotations/${encodeURIComponent(annotation.id)}`,
          claimReviewed: annotation.exact,
          datePublished: annotation.updatedAt.toISOString(),
          author: {
            "@type": options.publisher.type,
            name: options.publisher.name,
            ...(options.publisher.url ? { url: options.publisher.url } : {}),
          },
          reviewRating: {
            "@type": "Rating" as const,
            alternateName: verdict.name,
            ...(verdict.rating !== null
              ? {
                  ratingValue: verdict.rating,
                  bestRating: scale.bestRating,
                  worstRating: scale.worstRating,
                }
              : {}),
          },
          itemReviewed: { "@type": "Claim" as const, appearance: toAppearance(document, base) },
          ...(annotation.comment !== "" ? { reviewBody: annotation.comment } : {}),
        };
      }),
  );
}

// A JSON array of ClaimReview objects, ready for a <script type="application/ld+json">
// (escape "</" when inlining) or a data feed.
export function serializeClaimReviews(input: ExportInput, options: ClaimReviewOptions): string {
  return `${JSON.stringify(buildClaimReviews(input, options), null, 2)}\n`;
}

function toAppearance(
  document: ExportDocument,
  base: string,
): ClaimReview["itemReviewed"]["appearance"] {
  return {
    "@type": document.kind === "ARTICLE" ? "NewsArticle" : "CreativeWork",
    url: document.sourceUrl ?? `${base}/documents/${encodeURIComponent(document.id)}`,
    headline: document.title,
    ...(document.author ? { author: { "@type": "Person" as const, name: document.author } } : {}),
    ...(document.outlet
      ? { publisher: { "@type": "Organization" as const, name: document.outlet } }
      : {}),
    ...(document.publishedAt ? { datePublished: document.publishedAt.toISOString() } : {}),
  };
}
