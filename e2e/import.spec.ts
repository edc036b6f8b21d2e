import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, makeUser, makeWorkspace } from "./support/db";
import { startPageServer } from "./support/page-server";
import { selectWithMouse } from "./support/reader";

const fixtures = path.resolve(process.cwd(), "../shared/fixtures/articles");

async function openAddPage(page: Page) {
  const editor = await makeUser("Ira Importer");
  const workspace = await makeWorkspace([{ userId: editor.id, role: "OWNER" }]);
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(`/workspaces/${workspace.id}/documents/new`);
  return { editor, workspace };
}

// The stored offsets must slice the stored text the way Python does (code points).
async function expectStoredSpanMatches(documentId: string, phrase: string) {
  const document = await db().document.findUniqueOrThrow({
    where: { id: documentId },
    select: { text: true, annotations: { select: { start: true, end: true, exact: true } } },
  });
  const annotation = document.annotations.find((item) => item.exact === phrase);
  expect(annotation).toBeDefined();
  const codePoints = Array.from(document.text);
  expect(codePoints.slice(annotation?.start, annotation?.end).join("")).toBe(phrase);
}

for (const fixture of ["paris-summit-blog.txt", "paris-summit-wire.txt"]) {
  test(`[import] upload the real article ${fixture}, check, save and annotate with exact offsets`, async ({
    page,
  }) => {
    await openAddPage(page);
    await page.getByRole("tab", { name: "Upload a file" }).click();
    await page.getByLabel("File (.txt, .md or .html)").setInputFiles(path.join(fixtures, fixture));
    await page.getByRole("button", { name: "Read file" }).click();

    await expect(page.getByRole("status").filter({ hasText: /^Read “/ })).toBeVisible();
    const title = page.getByLabel("Title");
    await expect(title).not.toHaveValue("");
    await title.fill(`${await title.inputValue()} (checked)`);
    await page.getByRole("button", { name: "Save article" }).click();

    await expect(page.getByRole("heading", { name: /\(checked\)$/ })).toBeVisible();
    const documentId = page.url().split("/").pop() ?? "";
    const stored = await db().document.findUniqueOrThrow({
      where: { id: documentId },
      select: { text: true, originalType: true },
    });
    await expect(page.getByTestId("reader-text")).toHaveText(stored.text);
    expect(stored.originalType).toBe("text/plain");

    // A phrase late in the text: after the blog's 🔹 emoji, code points and UTF-16 differ.
    const phrase = fixture.includes("blog") ? "critics say" : "security guarantees";
    const lastIndex = stored.text.lastIndexOf(phrase);
    expect(lastIndex).toBeGreaterThan(0);
    await selectWithMouse(page, phrase);
    await page
      .getByRole("dialog", { name: "Tag this passage" })
      .getByRole("button", { name: "Save highlight" })
      .click();
    await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
    await expectStoredSpanMatches(documentId, phrase);
  });
}

test("[import] a web page by URL: metadata filled in and editable; nothing from the page loads", async ({
  page,
}) => {
  const html = `<!doctype html><html><head>
    <title>Summit ends | Valley Wire</title>
    <meta property="og:title" content="Summit ends with a pledge">
    <meta property="og:site_name" content="Valley Wire">
    <meta name="author" content="Jo Reporter">
    <meta property="article:published_time" content="2026-01-07T10:00:00Z">
    <script>window.parent && fetch("/script-ran")</script>
  </head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Summit ends with a pledge</h1>
      <p>Leaders agreed on Tuesday to send observers, officials said.</p>
      <p>Critics say the plan lacks detail. <img src="/pixel.gif" onerror="fetch('/onerror-ran')"></p>
      <p>The next meeting is planned for March, according to the host government.</p>
    </article>
    <footer>Subscribe to our newsletter</footer>
  </body></html>`;
  const server = await startPageServer({
    "/story": { body: html },
    "/moved": { status: 302, location: "http://10.0.0.1/story" },
  });
  try {
    await openAddPage(page);
    await page.getByRole("tab", { name: "From a web address" }).click();

    // A redirect to a private address is refused before anything connects to it.
    await page.getByLabel("Web address of the article").fill(`${server.url}/moved`);
    await page.getByRole("button", { name: "Fetch article" }).click();
    await expect(page.getByRole("tabpanel").getByRole("alert")).toContainText("private network");

    await page.getByLabel("Web address of the article").fill(`${server.url}/story`);
    await page.getByRole("button", { name: "Fetch article" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("Summit ends with a pledge");
    await expect(page.getByLabel("Outlet (optional)")).toHaveValue("Valley Wire");
    await expect(page.getByLabel("Author (optional)")).toHaveValue("Jo Reporter");
    await expect(page.getByLabel("Published (optional)")).toHaveValue("2026-01-07");
    await page.getByLabel("Author (optional)").fill("J. Reporter");
    await page.getByRole("button", { name: "Save article" }).click();

    await expect(page.getByRole("heading", { name: "Summit ends with a pledge" })).toBeVisible();
    await expect(page.getByText("Valley Wire · J. Reporter · 2026-01-07")).toBeVisible();
    const reader = page.getByTestId("reader-text");
    await expect(reader).toContainText("Critics say the plan lacks detail.");
    await expect(reader).not.toContainText("Subscribe");
    await expect(reader).not.toContainText("Home");
    expect(server.hits).toEqual(["/moved", "/story"]);
  } finally {
    await server.close();
  }
});

test("[import] files that are not articles get a clear message and nothing is saved", async ({
  page,
}) => {
  const { workspace } = await openAddPage(page);
  await page.getByRole("tab", { name: "Upload a file" }).click();
  const input = page.getByLabel("File (.txt, .md or .html)");

  await input.setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]),
  });
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.getByRole("tabpanel").getByRole("alert")).toContainText(
    /not a text file|binary|not text/i,
  );

  await input.setInputFiles({
    name: "huge.html",
    mimeType: "text/html",
    buffer: Buffer.alloc(6 * 1024 * 1024, 97),
  });
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.getByRole("tabpanel").getByRole("alert")).toContainText(
    "the limit for one article is 5 MB",
  );

  // The server enforces the limit too, for clients that skip the browser's check.
  const direct = await page.request.post(`/api/v1/workspaces/${workspace.id}/imports`, {
    multipart: {
      file: { name: "huge.html", mimeType: "text/html", buffer: Buffer.alloc(6 * 1024 * 1024, 97) },
    },
  });
  expect(direct.status()).toBe(413);

  expect(await db().document.count({ where: { workspaceId: workspace.id } })).toBe(0);
});

test("[import] many articles from a CSV: check, import with progress, per-row report", async ({
  page,
}) => {
  const { workspace } = await openAddPage(page);
  await page.getByRole("tab", { name: "Many at once" }).click();
  const csv = [
    "title,text,outlet,published_at",
    'Wire report,"Leaders met in Paris, officials said.",Valley Wire,2026-01-06',
    "Blog post,Critics say the summit failed.,A Blog,2026-01-07",
    ",A row with no title,Nobody,",
    'Analysis,"An AI summary, with a comma.",Bot Weekly,not-a-date',
    "Opinion,The pledge is a reckless gamble.,The Daily,",
  ].join("\n");
  await page
    .getByLabel("File of articles (JSONL, CSV or zip)")
    .setInputFiles({ name: "articles.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();

  await expect(page.getByRole("heading", { name: "3 of 5 rows ready to import" })).toBeVisible();
  const problems = page.getByRole("list", { name: "Rows with problems" });
  await expect(problems).toContainText("Line 4");
  await expect(problems).toContainText("Line 5");
  await page.getByRole("button", { name: "Import 3 articles" }).click();

  await expect(page.getByRole("heading", { name: "Imported 3 of 5 rows" })).toBeVisible();
  await expect(page.getByText("Saved 3 of 3")).toBeVisible();
  const report = page.getByRole("table", { name: "Import report" });
  await expect(report.getByRole("row")).toHaveCount(6);
  await expect(report.getByRole("link", { name: "Wire report" })).toBeVisible();
  expect(await db().document.count({ where: { workspaceId: workspace.id } })).toBe(3);

  await report.getByRole("link", { name: "Blog post" }).click();
  await expect(page.getByTestId("reader-text")).toHaveText("Critics say the summit failed.");
});
