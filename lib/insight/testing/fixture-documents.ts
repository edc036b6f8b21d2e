// Test helpers: the two real articles in ../shared/fixtures/articles and the newsroom-review
// codebook as insight data, with highlights placed by phrase (offsets in code points).
import { readFileSync } from "node:fs";
import path from "node:path";

import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { normalizeText } from "@/lib/text/normalize-text";

import type { InsightDimension, InsightDocument, InsightSpan } from "../types";

export type FixtureName = "paris-summit-wire" | "paris-summit-blog";

export function readFixture(name: FixtureName): string {
  const file = path.resolve(process.cwd(), "../shared/fixtures/articles", `${name}.txt`);
  return normalizeText(readFileSync(file, "utf8"));
}

// Label ids are "dimension:label" keys, e.g. "framing:Loaded_Language".
export function makePresetDimensions(codebookId = "newsroom-v1", version = 1): InsightDimension[] {
  return newsroomReviewPreset.dimensions.map((dimension) => ({
    id: version === 1 ? dimension.key : `${dimension.key}@v${version}`,
    key: dimension.key,
    name: dimension.name,
    multiple: dimension.multiple,
    codebookId,
    codebookName: newsroomReviewPreset.name,
    codebookVersion: version,
    hasTarget: dimension.fieldType === "target",
    labels: dimension.labels.map((label) => ({
      id:
        version === 1
          ? `${dimension.key}:${label.key}`
          : `${dimension.key}:${label.key}@v${version}`,
      key: label.key,
      name: label.name,
      dimensionId: version === 1 ? dimension.key : `${dimension.key}@v${version}`,
    })),
  }));
}

let nextSpan = 0;

// A highlight on the n-th occurrence of `phrase` (0-based).
export function spanOn(
  text: string,
  phrase: string,
  annotatorId: string,
  labelIds: string[],
  options: {
    occurrence?: number;
    createdAt?: string;
    comment?: string;
    targets?: Record<string, string>;
  } = {},
): InsightSpan {
  let at = -1;
  for (let seen = 0; seen <= (options.occurrence ?? 0); seen += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) {
      throw new Error(`"${phrase}" is not in the text`);
    }
  }
  const start = Array.from(text.slice(0, at)).length;
  nextSpan += 1;
  return {
    id: `span-${nextSpan}`,
    annotatorId,
    start,
    end: start + Array.from(phrase).length,
    exact: phrase,
    comment: options.comment ?? "",
    labelIds,
    createdAt: options.createdAt ?? "2026-01-07T10:00:00.000Z",
    ...(options.targets ? { targets: options.targets } : {}),
  };
}

export function makeInsightDocument(options: {
  id: string;
  text: string;
  spans: InsightSpan[];
  gold?: InsightSpan[];
  title?: string;
  outlet?: string | null;
  extraAnnotators?: string[];
}): InsightDocument {
  const ids = [
    ...new Set([
      ...options.spans.map((span) => span.annotatorId),
      ...(options.extraAnnotators ?? []),
    ]),
  ];
  return {
    id: options.id,
    title: options.title ?? options.id,
    outlet: options.outlet ?? null,
    publishedAt: null,
    text: options.text,
    annotators: ids.map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) })),
    spans: options.spans,
    gold: options.gold ?? [],
  };
}

// The two summit articles with a small class's highlights: three annotators on the wire
// report, two on the blog post.
export function makeSummitScenario() {
  const dimensions = makePresetDimensions();
  const wireText = readFixture("paris-summit-wire");
  const blogText = readFixture("paris-summit-blog");
  const loaded = "framing:Loaded_Language";
  const nameCalling = "framing:Name_Calling-Labeling";
  const exaggeration = "framing:Exaggeration-Minimisation";
  const namedPerson = "sourcing:named_person";
  const vague = "sourcing:vague_attribution";
  const accurate = "accuracy:accurate";
  const missingContext = "accuracy:missing_context";

  const wire = makeInsightDocument({
    id: "wire",
    title: "Western Allies Forge Strong Security Pact for Ukraine in Paris Talks",
    outlet: "Wire service",
    text: wireText,
    spans: [
      spanOn(wireText, "assertive foreign policy", "ana", [loaded]),
      spanOn(wireText, "assertive foreign policy", "ben", [loaded], {
        comment: "assertive is a judgement",
      }),
      spanOn(wireText, "assertive foreign policy", "cleo", [nameCalling]),
      spanOn(wireText, "Europe’s deadliest conflict since World War II", "ana", [exaggeration]),
      spanOn(wireText, "deadliest conflict", "ben", [loaded]),
      spanOn(wireText, "French President Emmanuel Macron announced", "ana", [namedPerson]),
      spanOn(wireText, "Emmanuel Macron announced", "ben", [namedPerson]),
      spanOn(
        wireText,
        "U.S. envoy Steve Witkoff, present at the Paris discussions, stated",
        "ana",
        [namedPerson],
      ),
      spanOn(
        wireText,
        "The meeting included delegates from 35 countries, including 27 leaders.",
        "ana",
        [accurate],
      ),
      spanOn(wireText, "delegates from 35 countries", "ben", [accurate]),
      spanOn(wireText, "Russia occupies approximately 20% of Ukraine", "ana", [missingContext]),
      spanOn(wireText, "Russia occupies approximately 20% of Ukraine", "cleo", [accurate]),
    ],
  });

  const blog = makeInsightDocument({
    id: "blog",
    title: "Paris Summit Seeks to Lock in Ukraine’s Future",
    outlet: "Joab Peter's Blog",
    text: blogText,
    spans: [
      spanOn(blogText, "high-stakes diplomatic huddle", "ana", [loaded]),
      spanOn(blogText, "put steel behind security guarantees", "ben", [loaded]),
      spanOn(
        blogText,
        "critics say the U.S. commitments are still more diplomatic than operational",
        "ana",
        [vague],
      ),
      spanOn(blogText, "critics say", "ben", [vague]),
      spanOn(blogText, "Zelenskyy called the summit “historic,”", "ana", [namedPerson]),
      spanOn(blogText, "Starmer made it clear", "ben", [namedPerson]),
      spanOn(blogText, "Leaders from over 30 countries came together", "ana", [accurate]),
    ],
  });

  return { dimensions, wire, blog, wireText, blogText };
}
