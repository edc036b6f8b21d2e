import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";

const articleText =
  "Fake 👍 news, critics say, spread fast.\n\nA second paragraph: critics say it again.";

async function setUpWorkspace() {
  const [owner, editor, annotator, viewer, outsider] = await Promise.all([
    makeUser("Olga Owner"),
    makeUser("Eddie Editor"),
    makeUser("Ana Annotator"),
    makeUser("Vera Viewer"),
    makeUser("Otto Outsider"),
  ]);
  const workspace = await makeWorkspace([
    { userId: owner.id, role: "OWNER" },
    { userId: editor.id, role: "EDITOR" },
    { userId: annotator.id, role: "ANNOTATOR" },
    { userId: viewer.id, role: "VIEWER" },
  ]);
  await makeWorkspace([{ userId: outsider.id, role: "OWNER" }]);
  const document = await makeDocument(workspace.id, owner.id, "Export article", articleText);
  await makeAnnotation({
    documentId: document.id,
    authorId: annotator.id,
    text: document.text,
    phrase: "news",
    labelIds: [await labelId(workspace.id, "framing", "Loaded_Language")],
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: annotator.id,
    text: document.text,
    phrase: "critics say",
    labelIds: [await labelId(workspace.id, "sourcing", "vague_attribution")],
    comment: "Which critics?",
  });
  return { owner, editor, annotator, viewer, outsider, workspace, document };
}

async function openExports(page: Page, workspaceId: string) {
  await page.goto(`/workspaces/${workspaceId}`);
  await page
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Exports" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
}

// Names and sizes of the files in a ustar archive, read header by header.
function listTar(bytes: Buffer): { name: string; size: number; text: string }[] {
  const entries: { name: string; size: number; text: string }[] = [];
  let offset = 0;
  while (offset + 512 <= bytes.length && bytes[offset] !== 0) {
    const field = (start: number, length: number) =>
      bytes
        .subarray(offset + start, offset + start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = Number.parseInt(field(124, 12), 8);
    const start = offset + 512;
    entries.push({ name, size, text: bytes.subarray(start, start + size).toString("utf8") });
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}

test("[exports] an editor downloads JSONL, saves a snapshot, sees it ready and downloads the same bytes", async ({
  page,
}) => {
  const { editor, annotator, workspace } = await setUpWorkspace();
  await signInViaApi(page.request, editor.email, editor.password);
  await openExports(page, workspace.id);

  await expect(page.getByLabel("JSONL (spaCy / Prodigy)")).toBeChecked();
  await expect(page.getByText("Only the workspace owner can export real names.")).toBeVisible();
  const downloadEvent = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download now" }).click();
  const download = await downloadEvent;

  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  const content = readFileSync(await download.path(), "utf8");
  const lines = content.trim().split("\n");
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!) as {
    text: string;
    spans: { start: number; end: number; text: string; label: string; annotator: string }[];
  };
  // Offsets are code points: slicing the code points gives the quote, emoji and all.
  const codePoints = Array.from(record.text);
  expect(record.spans.map((span) => codePoints.slice(span.start, span.end).join(""))).toEqual(
    record.spans.map((span) => span.text),
  );
  expect(record.spans.map((span) => span.label).sort()).toEqual([
    "Loaded_Language",
    "vague_attribution",
  ]);
  expect(record.spans[0]?.annotator).toMatch(/^annotator-[0-9a-f]{10}$/);
  expect(content).not.toContain(annotator.name);
  await expect(page.getByRole("status").filter({ hasText: "Downloading" })).toHaveText(
    "Downloading 2 rows from 1 document by 1 annotator.",
  );

  // Save a CSV snapshot, from the keyboard: choose the format, fill the fields, press Enter.
  await page.getByLabel("CSV", { exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("CSV", { exact: true })).toBeChecked();
  await page.getByLabel("Snapshot name").fill("Class framing set");
  await page.getByLabel("Licence", { exact: true }).fill("CC BY 4.0");
  await page.getByLabel("Consent", { exact: true }).fill("Students agreed in class.");
  await page.getByLabel("Snapshot name").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "is being written" })).toBeVisible();

  const row = page.getByTestId("snapshot-row").filter({ hasText: "Class framing set" });
  await expect(row).toContainText("Ready");
  await expect(row).toContainText("CC BY 4.0");
  const checksum = (await row.locator("code").textContent()) ?? "";
  expect(checksum).toMatch(/^[0-9a-f]{64}$/);
  const audit = await new AxeBuilder({ page }).analyze();
  const serious = audit.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  const snapshotEvent = page.waitForEvent("download");
  await row.getByRole("link", { name: /Download snapshot \d+/ }).click();
  const snapshot = await snapshotEvent;
  expect(snapshot.suggestedFilename()).toMatch(/^class-framing-set-snapshot-\d+\.tar$/);
  const bytes = readFileSync(await snapshot.path());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(checksum);

  const files = listTar(bytes);
  expect(files.map((file) => file.name.split("/").slice(1).join("/"))).toEqual([
    "annotations.csv",
    "README.md",
    "codebook.json",
  ]);
  // Quotes keep their context, line breaks included: read it as CSV, not as lines.
  const [header, ...rows] = parse(files[0]!.text) as string[][];
  expect(header?.join(",")).toBe(
    "document_id,document_version,annotation_id,annotator,origin,review_state,start,end,quote,prefix,suffix,dimension,label,comment,confidence,created_at,updated_at",
  );
  expect(rows.map((row) => [row[8], row[12], row[13]])).toEqual([
    ["news", "Loaded_Language", ""],
    ["critics say", "vague_attribution", "Which critics?"],
  ]);
  const readme = files[1]!.text;
  expect(readme).toContain("# Class framing set");
  expect(readme).toContain("CC BY 4.0");
  expect(readme).toContain("Students agreed in class.");
  expect(readme).toContain("1 annotator, pseudonymised");
});

test("[exports] empty selections and missing names get clear messages and keep what was typed", async ({
  page,
}) => {
  const { editor, workspace } = await setUpWorkspace();
  await signInViaApi(page.request, editor.email, editor.password);
  await openExports(page, workspace.id);

  await page.getByLabel("Licence", { exact: true }).fill("CC BY-SA 4.0");
  await page.getByRole("button", { name: "Save as snapshot" }).click();
  await expect(page.getByText("Give the snapshot a name.")).toBeVisible();
  await expect(page.getByLabel("Snapshot name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Licence", { exact: true })).toHaveValue("CC BY-SA 4.0");

  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-01-31");
  await page.getByRole("button", { name: "Download now" }).click();
  const message = page.getByRole("alert").filter({ hasText: "No annotations match" });
  await expect(message).toContainText(
    "No annotations match these filters: every document of the workspace; codebook “Newsroom review”",
  );
  await expect(message).toContainText("created 2001-01-01 to 2001-01-31 (UTC)");

  await page.getByLabel("To", { exact: true }).fill("2000-12-31");
  await page.getByRole("button", { name: "Download now" }).click();
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2001-01-01");
});

test("[exports] a viewer has no Exports section; viewers get forbidden and outsiders not found from the API", async ({
  browser,
}) => {
  const { viewer, outsider, workspace } = await setUpWorkspace();
  const base = `/api/v1/workspaces/${workspace.id}`;

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signInViaApi(viewerPage.request, viewer.email, viewer.password);
  await viewerPage.goto(`/workspaces/${workspace.id}`);
  const nav = viewerPage.getByRole("navigation", { name: "Workspace sections" });
  await expect(nav.getByRole("link", { name: "Documents" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Exports" })).toHaveCount(0);
  expect((await viewerPage.goto(`/workspaces/${workspace.id}/exports`))?.status()).toBe(404);

  const viewerDownload = await viewerPage.request.get(`${base}/exports?format=jsonl`);
  expect(viewerDownload.status()).toBe(403);
  expect((await viewerDownload.json()).error.message).toMatch(/role/);
  expect((await viewerPage.request.get(`${base}/snapshots`)).status()).toBe(403);
  const viewerCreate = await viewerPage.request.post(`${base}/snapshots`, {
    data: { name: "Mine", format: "jsonl" },
  });
  expect(viewerCreate.status()).toBe(403);

  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signInViaApi(outsiderPage.request, outsider.email, outsider.password);
  expect((await outsiderPage.request.get(`${base}/exports?format=csv`)).status()).toBe(404);
  expect((await outsiderPage.request.get(`${base}/snapshots`)).status()).toBe(404);
  expect((await outsiderPage.goto(`/workspaces/${workspace.id}/exports`))?.status()).toBe(404);

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${base}/exports?format=csv`)).status()).toBe(401);

  await Promise.all([viewerContext.close(), outsiderContext.close(), anonymous.close()]);
});

test("[exports] the API explains bad requests: unknown format, bad dates, parquet downloads, real names", async ({
  page,
}) => {
  const { editor, owner, workspace } = await setUpWorkspace();
  const base = `/api/v1/workspaces/${workspace.id}`;
  await signInViaApi(page.request, editor.email, editor.password);

  const unknown = await page.request.get(`${base}/exports?format=xlsx`);
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.message).toMatch(/^Choose an export format/);

  const dates = await page.request.get(`${base}/exports?format=csv&from=2026-02-01&to=2026-01-01`);
  expect(dates.status()).toBe(422);
  expect((await dates.json()).error.message).toBe("The end date is before the start date.");

  const parquet = await page.request.get(`${base}/exports?format=parquet`);
  expect(parquet.status()).toBe(422);
  expect((await parquet.json()).error.message).toMatch(/snapshot only/);

  const names = await page.request.get(`${base}/exports?format=csv&names=real`);
  expect(names.status()).toBe(403);
  expect((await names.json()).error.message).toMatch(/Only the workspace owner/);

  const malformed = await page.request.post(`${base}/snapshots`, {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);

  await signInViaApi(page.request, owner.email, owner.password);
  const real = await page.request.get(`${base}/exports?format=csv&names=real`);
  expect(real.status()).toBe(200);
  expect(real.headers()["content-disposition"]).toMatch(/^attachment; filename=".*\.csv"/);
  expect(await real.text()).toContain("Ana Annotator");
});
