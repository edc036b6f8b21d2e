import "server-only";

import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { htmlToArticle, type ImportedArticle } from "@/lib/import/html-to-article";
import { decodeTextFile, textFileToArticle } from "@/lib/import/text-file-to-article";
import { urlToArticle } from "@/lib/import/url-to-article";

import { requireMembership } from "../workspace/require-membership";

export type ImportSource =
  { kind: "file"; fileName: string; bytes: Uint8Array } | { kind: "url"; url: string };

// The extracted article as the form shows it: every field editable before saving.
export type ImportPreview = {
  importId: string;
  article: {
    title: string;
    text: string;
    author: string;
    outlet: string;
    sourceUrl: string;
    publishedAt: string;
  };
};

const draftLifetimeMs = 24 * 60 * 60 * 1000;

function extensionOf(fileName: string): string {
  return fileName.toLowerCase().split(".").pop() ?? "";
}

async function extract(
  source: ImportSource,
): Promise<{ article: ImportedArticle; content: string; contentType: string }> {
  if (source.kind === "url") {
    const { article, original } = await urlToArticle(source.url, {
      allowPrivateHosts: getEnv().FRAMEWISE_FETCH_ALLOW_HOSTS,
    });
    return { article, content: original.content, contentType: original.type };
  }

  const extension = extensionOf(source.fileName);
  if (extension === "html" || extension === "htm") {
    const html = decodeTextFile(source.bytes, source.fileName);
    return { article: htmlToArticle(html), content: html, contentType: "text/html" };
  }
  if (["txt", "text", "md", "markdown"].includes(extension)) {
    const article = textFileToArticle(source.bytes, { fileName: source.fileName });
    return {
      article,
      content: decodeTextFile(source.bytes, source.fileName),
      contentType: article.format === "markdown" ? "text/markdown" : "text/plain",
    };
  }

  throw new AppError(
    "INVALID_INPUT",
    `Framewise imports .txt, .md and .html files; “${source.fileName}” is not one of them.`,
    { file: ["Choose a .txt, .md or .html file."] },
  );
}

// Reads a file or a web page into an article for the person to check, and keeps the
// original until they save (or for a day).
export async function createImportDraft({
  userId,
  workspaceId,
  source,
}: {
  userId: string;
  workspaceId: string;
  source: ImportSource;
}): Promise<ImportPreview> {
  await requireMembership({ userId, workspaceId, permission: "addDocument" });
  const { article, content, contentType } = await extract(source);

  const db = getDb();
  await db.importDraft.deleteMany({
    where: { userId, createdAt: { lt: new Date(Date.now() - draftLifetimeMs) } },
  });
  const draft = await db.importDraft.create({
    data: { userId, workspaceId, content, contentType },
    select: { id: true },
  });

  return {
    importId: draft.id,
    article: {
      title: article.title,
      text: article.text,
      author: article.author ?? "",
      outlet: article.outlet ?? "",
      sourceUrl: article.sourceUrl ?? (source.kind === "url" ? source.url : ""),
      publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? "",
    },
  };
}
