// Direct database access for e2e factories. DATABASE_URL is the fresh e2e database
// prepared by scripts/test.ts; playwright.config.ts refuses non-local URLs.
import { randomUUID } from "node:crypto";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { hashPassword } from "@/lib/auth/password";
import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { createPrismaClient } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";

let client: ReturnType<typeof createPrismaClient> | undefined;

export function db() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set for the e2e run; use `npm run test:e2e`.");
  }
  client ??= createPrismaClient(url);
  return client;
}

export const e2ePassword = "e2e password 123";

export async function makeUser(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.org`;
  const user = await db().user.create({
    data: { email, name, passwordHash: await hashPassword(e2ePassword) },
    select: { id: true, email: true, name: true },
  });
  return { ...user, password: e2ePassword };
}

export async function makeWorkspace(
  members: { userId: string; role: Role }[],
  name = `Workspace ${randomUUID().slice(0, 6)}`,
) {
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name, kind: "CLASS", members: { create: members } },
      select: { id: true, name: true },
    });
    await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset: newsroomReviewPreset,
      isDefault: true,
    });
    return workspace;
  });
}

export async function makeDocument(
  workspaceId: string,
  createdById: string,
  title: string,
  raw: string,
) {
  const text = normalizeText(raw);
  return db().document.create({
    data: { workspaceId, createdById, title, text, textHash: hashText(text) },
    select: { id: true, workspaceId: true, title: true, text: true },
  });
}

export async function labelId(workspaceId: string, dimensionKey: string, labelKey: string) {
  const label = await db().label.findFirstOrThrow({
    where: { key: labelKey, dimension: { key: dimensionKey, codebook: { workspaceId } } },
    select: { id: true },
  });
  return label.id;
}

// A highlight written straight to the database (offsets in code points), as if made earlier.
export async function makeAnnotation(options: {
  documentId: string;
  authorId: string;
  text: string;
  phrase: string;
  labelIds: string[];
  comment?: string;
}) {
  const at = options.text.indexOf(options.phrase);
  if (at < 0) {
    throw new Error(`"${options.phrase}" is not in the text`);
  }
  const start = Array.from(options.text.slice(0, at)).length;
  const end = start + Array.from(options.phrase).length;
  const quote = describeQuote(options.text, start, end);
  return db().annotation.create({
    data: {
      documentId: options.documentId,
      authorId: options.authorId,
      documentVersion: 1,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      comment: options.comment ?? "",
      labels: { create: options.labelIds.map((labelId) => ({ labelId })) },
    },
    select: { id: true },
  });
}
