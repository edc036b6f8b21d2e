// Seeds the demo workspace for the embedded default (`npm start`). Never called when
// DATABASE_URL is set. Imported by scripts, so it avoids "server-only" modules.

import { describeQuote } from "@/lib/anchoring/quote-context";
import { codePointLength, utf16ToCodePoint } from "@/lib/anchoring/text-position";
import { hashPassword } from "@/lib/auth/password";
import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import type { Db } from "@/lib/db/client";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";

import { createCodebookFromPreset } from "../codebook/create-codebook-from-preset";

import { demoArticles, demoHighlights } from "./demo-articles";

export const demoAccount = {
  email: "demo@framewise.local",
  password: "framewise-demo",
  name: "Demo Editor",
};
const demoClassmate = {
  email: "sam@framewise.local",
  password: "framewise-demo",
  name: "Sam Student",
};

export async function seedDemoContent(db: Db) {
  const [ownerHash, classmateHash] = await Promise.all([
    hashPassword(demoAccount.password),
    hashPassword(demoClassmate.password),
  ]);

  await db.$transaction(async (tx) => {
    const owner = await tx.user.create({
      data: { email: demoAccount.email, name: demoAccount.name, passwordHash: ownerHash },
      select: { id: true },
    });
    const classmate = await tx.user.create({
      data: { email: demoClassmate.email, name: demoClassmate.name, passwordHash: classmateHash },
      select: { id: true },
    });

    const workspace = await tx.workspace.create({
      data: {
        name: "Demo: one charge, four framings",
        kind: "CLASS",
        members: {
          create: [
            { userId: owner.id, role: "OWNER" },
            { userId: classmate.id, role: "ANNOTATOR" },
          ],
        },
      },
      select: { id: true },
    });

    const codebook = await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset: newsroomReviewPreset,
      isDefault: true,
    });
    const labels = await tx.label.findMany({
      where: { dimension: { codebookId: codebook.id } },
      select: { id: true, key: true, dimension: { select: { key: true } } },
    });

    const documentIds: { id: string; text: string }[] = [];
    for (const article of demoArticles) {
      const text = normalizeText(article.text);
      const document = await tx.document.create({
        data: {
          workspaceId: workspace.id,
          createdById: owner.id,
          title: article.title,
          outlet: article.outlet,
          author: article.author,
          publishedAt: new Date(`${article.publishedAt}T00:00:00Z`),
          kind: article.kind,
          text,
          textHash: hashText(text),
        },
        select: { id: true },
      });
      documentIds.push({ id: document.id, text });
    }

    for (const [
      index,
      [articleIndex, quote, dimensionKey, labelKey, comment],
    ] of demoHighlights.entries()) {
      const document = documentIds[articleIndex];
      const label = labels.find(
        (candidate) => candidate.key === labelKey && candidate.dimension.key === dimensionKey,
      );
      const at = document?.text.indexOf(quote) ?? -1;

      if (!document || !label || at < 0) {
        throw new Error(`Demo highlight "${quote}" does not match its article or codebook.`);
      }

      const start = utf16ToCodePoint(document.text, at);
      const end = start + codePointLength(quote);
      const selector = describeQuote(document.text, start, end);

      await tx.annotation.create({
        data: {
          documentId: document.id,
          authorId: index % 2 === 0 ? owner.id : classmate.id,
          documentVersion: 1,
          start,
          end,
          exact: selector.exact,
          prefix: selector.prefix,
          suffix: selector.suffix,
          comment,
          labels: { create: [{ labelId: label.id }] },
        },
      });
    }
  });

  return { email: demoAccount.email, password: demoAccount.password };
}
