import { describe, expect, it } from "vitest";

import { buildClaimReviews, serializeClaimReviews, type ClaimReviewOptions } from "./claim-review";
import { buildFixtureExport } from "./testing/export-fixtures";

const options: ClaimReviewOptions = {
  baseUrl: "https://framewise.example.org",
  publisher: { type: "Organization", name: "Class 9B Fact Desk", url: "https://school.example" },
  scale: {
    dimension: "accuracy",
    bestRating: 6,
    worstRating: 1,
    ratings: [
      { label: "accurate", name: "Accurate", rating: 6 },
      { label: "misleading", name: "Misleading", rating: 3 },
      { label: "false", name: "False", rating: 1 },
    ],
    unrated: [{ label: "opinion", name: "Opinion" }],
  },
};

describe("[export] ClaimReview", () => {
  it("writes one ClaimReview per accuracy verdict with the schema.org fields", () => {
    const input = buildFixtureExport();
    const reviews = JSON.parse(serializeClaimReviews(input, options)) as ReturnType<
      typeof buildClaimReviews
    >;
    const w3 = input.annotations.find((a) => a.id === "w3")!;

    expect(reviews.map((review) => review.claimReviewed)).toEqual([
      w3.exact,
      input.annotations.find((a) => a.id === "a6")!.exact,
    ]);
    expect(reviews[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://framewise.example.org/annotations/w3",
      claimReviewed: "Currently, Russia occupies approximately 20% of Ukraine",
      datePublished: w3.updatedAt.toISOString(),
      author: {
        "@type": "Organization",
        name: "Class 9B Fact Desk",
        url: "https://school.example",
      },
      reviewRating: {
        "@type": "Rating",
        alternateName: "Accurate",
        ratingValue: 6,
        bestRating: 6,
        worstRating: 1,
      },
      itemReviewed: {
        "@type": "Claim",
        appearance: {
          "@type": "NewsArticle",
          url: "https://news.example/world/paris-talks",
          headline: "Western Allies Forge Strong Security Pact for Ukraine in Paris Talks",
          author: { "@type": "Person", name: "A. Reporter" },
          publisher: { "@type": "Organization", name: "Example Wire" },
          datePublished: "2026-01-06T21:15:00.000Z",
        },
      },
      reviewBody: "Matches ISW maps.",
    });
    // The blog has no source URL: the appearance points at the Framewise document.
    expect(reviews[1]?.itemReviewed.appearance).toEqual({
      "@type": "CreativeWork",
      url: "https://framewise.example.org/documents/doc-blog",
      headline: "Paris Summit Seeks to Lock in Ukraine’s Future",
    });
    expect(reviews[1]?.reviewRating).toMatchObject({ alternateName: "Misleading", ratingValue: 3 });
  });

  it("rates unrated verdicts by name only and uses a custom review URL", () => {
    const input = buildFixtureExport();
    input.annotations.find((a) => a.id === "w3")!.labels = ["opinion"];
    const reviews = buildClaimReviews(input, {
      ...options,
      reviewUrl: (annotation) => `https://school.example/checks/${annotation.id}`,
    });

    expect(reviews[0]?.reviewRating).toEqual({ "@type": "Rating", alternateName: "Opinion" });
    expect(reviews[0]?.url).toBe("https://school.example/checks/w3");
  });

  it("writes an empty array when there are no verdicts", () => {
    const input = buildFixtureExport();

    expect(serializeClaimReviews({ ...input, annotations: [] }, options)).toBe("[]\n");
  });

  it("refuses unknown or multiple verdicts and mismatched quotes, naming the annotation", () => {
    const unknown = buildFixtureExport();
    unknown.annotations.find((a) => a.id === "a6")!.labels = ["opinion", "false"];
    expect(() => buildClaimReviews(unknown, options)).toThrow(
      /Annotation "a6" has 2 verdicts in "accuracy"/,
    );

    const offScale = buildFixtureExport();
    expect(() =>
      buildClaimReviews(offScale, { ...options, scale: { ...options.scale, unrated: [] } }),
    ).not.toThrow();
    offScale.annotations.find((a) => a.id === "a6")!.labels = ["opinion"];
    expect(() =>
      buildClaimReviews(offScale, { ...options, scale: { ...options.scale, unrated: [] } }),
    ).toThrow(/Annotation "a6" has verdict "opinion", which is not on the verdict scale/);

    const badScale = {
      ...options.scale,
      ratings: [{ label: "accurate", name: "Accurate", rating: 7 }],
    };
    expect(() => buildClaimReviews(buildFixtureExport(), { ...options, scale: badScale })).toThrow(
      /Verdict "accurate" has rating 7, outside 1–6/,
    );

    const mismatch = buildFixtureExport();
    mismatch.annotations.find((a) => a.id === "w3")!.exact = "Russia occupies 90%";
    expect(() => buildClaimReviews(mismatch, options)).toThrow(/Annotation "w3": the quote/);
  });
});
