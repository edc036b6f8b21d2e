import { randomBytes } from "node:crypto";

import { describeQuote } from "../../lib/anchoring/quote-context";
import { hashPassword } from "../../lib/auth/password";
import { newsroomReviewPreset } from "../../lib/codebooks/presets/newsroom-review";
import { createPrismaClient } from "../../lib/db/client";
import { createCodebookFromPreset } from "../../lib/server/codebook/create-codebook-from-preset";
import { hashText } from "../../lib/text/hash-text";

import { generateArticle, generateHighlights, type GeneratedHighlight } from "./generate-article";

// Rows for the annotator benchmark, written straight to a fresh database: one reader, two
// classmates whose highlights are mixed in, a workspace with the Newsroom codebook, and the
// same generated article twice, without highlights and with them (bulk inserts).

export type BenchLabel = { id: string; key: string; dimensionKey: string; color: string };

export type BenchData = {
  reader: { email: string; password: string };
  workspaceId: string;
  plainDocumentId: string;
  highlightedDocumentId: string;
  text: string;
  highlights: (GeneratedHighlight & { id: string; labelIds: string[] })[];
  labels: BenchLabel[];
  // Word tokens of the article (UTF-16 offsets), to pick passages for new highlights.
  tokens: { start16: number; end16: number }[];
};

// The dimensions the generated highlights use: stance, sourcing, accuracy, framing.
const highlightDimensions = ["stance", "sourcing", "accuracy", "framing"];
const password = "bench password 123";

// Ids in the same alphabet as cuid (the route parsers accept [a-z0-9]).
function newId(): string {
  return `b${randomBytes(12).toString("hex")}`;
}

export async function seedBenchData({
  databaseUrl,
  words,
  highlightCount,
}: {
  databaseUrl: string;
  words: number;
  highlightCount: number;
}): Promise<BenchData> {
  const db = createPrismaClient(databaseUrl);

  try {
    const passwordHash = await hashPassword(password);
    const people = ["Bench Reader", "Ana Annotator", "Ben Classmate"].map((name) => ({
      id: newId(),
      name,
      email: `${name.toLowerCase().replace(/\W+/g, "-")}@bench.example.org`,
      passwordHash,
    }));
    await db.user.createMany({ data: people });

    const workspace = await db.$transaction(async (tx) => {
      const created = await tx.workspace.create({
        data: {
          name: "Annotator benchmark",
          kind: "NEWSROOM",
          members: {
            create: people.map((person, index) => ({
              userId: person.id,
              role: index === 0 ? ("OWNER" as const) : ("ANNOTATOR" as const),
            })),
          },
        },
        select: { id: true },
      });
      await createCodebookFromPreset({
        tx,
        workspaceId: created.id,
        preset: newsroomReviewPreset,
        isDefault: true,
      });
      return created;
    });

    const labelRows = await db.label.findMany({
      where: { dimension: { codebook: { workspaceId: workspace.id } } },
      select: { id: true, key: true, color: true, dimension: { select: { key: true } } },
    });
    const labels = labelRows.map((label) => ({
      id: label.id,
      key: label.key,
      color: label.color,
      dimensionKey: label.dimension.key,
    }));
    const labelId = new Map(
      labels.map((label) => [`${label.dimensionKey}/${label.key}`, label.id]),
    );

    const article = generateArticle({ words });
    const highlights = generateHighlights(article, {
      count: highlightCount,
      dimensions: highlightDimensions.map((key) => ({
        key,
        labelKeys: labels.filter((label) => label.dimensionKey === key).map((label) => label.key),
      })),
      authors: people.length,
    }).map((highlight) => ({
      ...highlight,
      id: newId(),
      labelIds: highlight.labels.map((label) => {
        const id = labelId.get(`${label.dimensionKey}/${label.labelKey}`);
        if (!id) {
          throw new Error(`No label ${label.dimensionKey}/${label.labelKey} in the codebook.`);
        }
        return id;
      }),
    }));

    const owner = people[0]!;
    const documentData = {
      workspaceId: workspace.id,
      createdById: owner.id,
      outlet: "The Benchmark Gazette",
      author: "A. Generator",
      text: article.text,
      textHash: hashText(article.text),
    };
    const plain = await db.document.create({
      data: { ...documentData, title: `A ${words.toLocaleString("en")}-word article` },
      select: { id: true },
    });
    const highlighted = await db.document.create({
      data: {
        ...documentData,
        title: `A ${words.toLocaleString("en")}-word article with ${highlightCount.toLocaleString("en")} highlights`,
      },
      select: { id: true },
    });

    const createdAt = Date.now() - highlights.length * 60_000;
    await db.annotation.createMany({
      data: highlights.map((highlight, index) => {
        const quote = describeQuote(article.text, highlight.start, highlight.end);
        return {
          id: highlight.id,
          documentId: highlighted.id,
          authorId: people[highlight.authorIndex]!.id,
          documentVersion: 1,
          start: highlight.start,
          end: highlight.end,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          createdAt: new Date(createdAt + index * 60_000),
        };
      }),
    });
    await db.annotationLabel.createMany({
      data: highlights.flatMap((highlight) =>
        highlight.labelIds.map((id) => ({ annotationId: highlight.id, labelId: id })),
      ),
    });

    return {
      reader: { email: owner.email, password },
      workspaceId: workspace.id,
      plainDocumentId: plain.id,
      highlightedDocumentId: highlighted.id,
      text: article.text,
      highlights,
      labels,
      tokens: article.tokens,
    };
  } finally {
    await db.$disconnect();
  }
}
