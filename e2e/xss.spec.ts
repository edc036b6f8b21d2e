import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { annotate } from "./support/permission-world";
import { xssBatches, xssMarker, xssVectors } from "./support/xss-vectors";

// The stored-XSS corpus (e2e/support/xss-vectors.ts, 100+ vectors) goes into every field
// a person can type that another person sees: names, titles, article text, comments,
// codebook and label descriptions, guidelines, assignment instructions (markdown),
// display names and imported HTML. Every page that shows them is opened; nothing may run
// (no dialog, no console line from a payload), nothing may be fetched from anywhere but
// the app, and no live javascript: link or injected frame may end up in the page.

type Watch = { dialogs: string[]; consoleHits: string[]; foreign: string[] };

async function watch(context: BrowserContext, page: Page, seen: Watch) {
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:") {
      await route.continue();
      return;
    }
    seen.foreign.push(url.toString());
    await route.abort();
  });
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.text().includes(xssMarker)) {
      seen.consoleHits.push(message.text());
    }
  });
}

async function seedHostileWorkspace() {
  const batches = xssBatches(31);
  const [owner, student] = await Promise.all([
    makeUser(xssVectors[1]!),
    makeUser(`Student ${xssVectors[20]!}`),
  ]);
  const workspace = await makeWorkspace(
    [
      { userId: owner.id, role: "OWNER" },
      { userId: student.id, role: "ANNOTATOR" },
    ],
    xssVectors[0]!,
  );
  await db().membership.updateMany({
    where: { workspaceId: workspace.id, userId: student.id },
    data: { displayName: xssVectors[5]! },
  });

  // The whole corpus as article text, in four articles with hostile titles.
  const documents = await Promise.all(
    batches.map((text, index) =>
      makeDocument(workspace.id, owner.id, xssVectors[index * 7 + 2]!, `${text}\nThe end.`),
    ),
  );
  const first = documents[0]!;
  const highlight = await annotate(first, student.id, "The end.");
  await db().annotation.update({ where: { id: highlight.id }, data: { comment: batches[1]! } });
  await db().comment.createMany({
    data: batches.map((body) => ({ annotationId: highlight.id, authorId: owner.id, body })),
  });

  const codebook = await db().codebook.findFirstOrThrow({
    where: { workspaceId: workspace.id, isDefault: true },
    select: { id: true, dimensions: { select: { id: true, labels: { select: { id: true } } } } },
  });
  await db().codebook.update({
    where: { id: codebook.id },
    data: { description: batches[2]!, guidelines: batches.join("\n\n") },
  });
  const labelIds = codebook.dimensions.flatMap((dimension) => dimension.labels.map((l) => l.id));
  await Promise.all(
    labelIds.map((id, index) =>
      db().label.update({
        where: { id },
        data: { description: batches[index % batches.length]! },
      }),
    ),
  );
  await db().dimension.update({
    where: { id: codebook.dimensions[0]!.id },
    data: { description: batches[3]! },
  });

  const assignment = await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: xssVectors[40]!,
      instructions: batches.join("\n\n"),
      createdById: owner.id,
      documents: {
        create: documents.map((document, position) => ({ documentId: document.id, position })),
      },
    },
    select: { id: true },
  });
  const collection = await db().collection.create({
    data: {
      workspaceId: workspace.id,
      name: xssVectors[60]!,
      description: batches[0]!,
      documents: {
        create: documents.slice(0, 2).map((d, position) => ({ documentId: d.id, position })),
      },
    },
    select: { id: true },
  });
  return { owner, student, workspace, documents, codebook, labelIds, assignment, collection };
}

test("[security] 100+ stored-XSS vectors in every field run nothing on any page that shows them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  expect(xssVectors.length).toBeGreaterThanOrEqual(100);
  const world = await seedHostileWorkspace();
  const w = `/workspaces/${world.workspace.id}`;
  const seen: Watch = { dialogs: [], consoleHits: [], foreign: [] };

  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await watch(ownerContext, ownerPage, seen);
  await signInViaApi(ownerPage.request, world.owner.email, world.owner.password);

  // Imported HTML: the page is read without running anything, and what is saved is text.
  const html = `<html><head><title>${xssVectors[3]}</title></head><body><article><h1>Imported</h1>${xssVectors.join("<p>")}<p>Imported body text that is long enough to be an article.</p></article></body></html>`;
  const imported = await ownerPage.request.post(
    `/api/v1/workspaces/${world.workspace.id}/imports`,
    {
      multipart: {
        file: { name: "hostile.html", mimeType: "text/html", buffer: Buffer.from(html) },
      },
    },
  );
  expect(imported.status()).toBe(201);
  const { article: preview } = (await imported.json()) as {
    article: { title: string; text: string };
  };
  expect(preview.text).toContain("Imported body text");
  const importedDocument = await makeDocument(
    world.workspace.id,
    world.owner.id,
    preview.title || "Imported",
    preview.text,
  );

  const ownerPaths = [
    "/workspaces",
    w,
    `${w}/members`,
    ...world.documents.map((document) => `${w}/documents/${document.id}`),
    `${w}/documents/${importedDocument.id}`,
    `${w}/documents/${world.documents[0]!.id}/history`,
    `${w}/documents/${world.documents[0]!.id}/profile`,
    `${w}/documents/${world.documents[0]!.id}/agreement`,
    `${w}/codebooks`,
    `${w}/codebooks/${world.codebook.id}`,
    `${w}/codebooks/${world.codebook.id}/labels/${world.labelIds[0]}`,
    `${w}/collections`,
    `${w}/collections/${world.collection.id}`,
    `${w}/assignments`,
    `${w}/assignments/${world.assignment.id}`,
    `${w}/assignments/${world.assignment.id}/gradebook`,
    `${w}/review`,
    `${w}/audit`,
  ];

  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await watch(studentContext, studentPage, seen);
  await signInViaApi(studentPage.request, world.student.email, world.student.password);
  const studentPaths = [
    w,
    `${w}/documents/${world.documents[0]!.id}`,
    `${w}/assignments/${world.assignment.id}`,
  ];

  const visit = async (page: Page, path: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // Let scripts, images and effects have their chance to run.
    await page.waitForLoadState("load");
    const injected = await page.evaluate(() => ({
      links: [...document.querySelectorAll("a[href]")]
        .map((a) => a.getAttribute("href") ?? "")
        .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      elements: document.querySelectorAll(
        "main iframe, main object, main embed, main svg script, main [onerror], main [onload], main [onmouseover], main [onfocus]",
      ).length,
    }));
    expect(injected, path).toEqual({ links: [], elements: 0 });
  };
  await Promise.all([
    (async () => {
      for (const path of ownerPaths) {
        await visit(ownerPage, path);
      }
    })(),
    (async () => {
      for (const path of studentPaths) {
        await visit(studentPage, path);
      }
    })(),
  ]);

  // The vectors are on the pages as text (the test is not passing on empty pages).
  await ownerPage.goto(`${w}/documents/${world.documents[0]!.id}`);
  await expect(ownerPage.getByTestId("reader-text")).toContainText("<script>alert(1)</script>");
  await ownerPage.goto(`${w}/codebooks/${world.codebook.id}`);
  await expect(ownerPage.locator("main")).toContainText("onerror=alert(1)");
  await studentPage.goto(`${w}/assignments/${world.assignment.id}`);
  await expect(studentPage.locator("main")).toContainText("ref link");

  expect(seen).toEqual({ dialogs: [], consoleHits: [], foreign: [] });
  await Promise.all([ownerContext.close(), studentContext.close()]);
});
