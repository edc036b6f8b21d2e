import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { selectWithMouse } from "./support/reader";
import { db, labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";

const article = [
  "The minister hailed a historic victory for ordinary families.",
  "",
  "Opponents called the plan a reckless gamble with public money.",
  "",
  "Critics say the figures were never published.",
].join("\n");

const analysis = [
  "The article frames the vote as a historic victory for families.",
  "",
  "It quotes unnamed critics and no named economist.",
].join("\n");

type User = Awaited<ReturnType<typeof makeUser>>;

async function pageFor(browser: Browser, user: User): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page.request, user.email, user.password);
  return page;
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("[review] an AI analysis goes from draft to approved: side by side, assignment, changes requested, inbox, revision with re-anchored highlights, approval", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [cora, eddie, rita] = await Promise.all([
    makeUser("Cora Contributor"),
    makeUser("Eddie Editor"),
    makeUser("Rita Reviewer"),
  ]);
  const workspace = await makeWorkspace([
    { userId: eddie.id, role: "OWNER" },
    { userId: cora.id, role: "ANNOTATOR" },
    { userId: rita.id, role: "ANNOTATOR" },
  ]);
  await makeDocument(workspace.id, eddie.id, "Budget vote", article);
  const title = "Model analysis of the budget vote";

  // The contributor starts an AI analysis linked to its article, with provenance.
  const contributor = await pageFor(browser, cora);
  await contributor.goto(`/workspaces/${workspace.id}`);
  await contributor
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Review" })
    .click();
  await contributor.getByRole("link", { name: "New submission" }).click();
  await contributor.getByRole("radio", { name: "An AI-generated analysis of an article" }).check();
  await contributor.getByRole("button", { name: "Save draft" }).click();
  // Nothing chosen yet: clear messages next to the fields, nothing saved.
  await expect(contributor.getByText("Choose the article this analysis is about.")).toBeVisible();
  await expect(contributor.getByText(/Name the model or tool/)).toBeVisible();
  await contributor.getByLabel("Article it analyses").selectOption({ label: "Budget vote" });
  await contributor.getByLabel("Model or tool").fill("GPT-4o");
  await contributor.getByLabel("Date it was generated (optional)").fill("2026-01-05");
  await contributor.getByLabel("Prompt, if known (optional)").fill("Analyse the framing.");
  await contributor.getByLabel("Title").fill(title);
  await contributor.getByLabel("Text", { exact: true }).fill(analysis);
  await contributor.getByRole("button", { name: "Save draft" }).click();

  await expect(contributor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(contributor.getByTestId("submission-status")).toHaveText("Draft");
  const provenance = contributor.getByRole("region", { name: "Provenance" });
  await expect(provenance).toContainText("GPT-4o");
  await expect(provenance).toContainText("2026-01-05");
  await expect(provenance).toContainText("Analyse the framing.");
  const submissionUrl = contributor.url();

  // Side by side: both texts, each annotatable.
  await contributor
    .getByRole("link", { name: "Open the analysis and its article side by side" })
    .click();
  const analysisSide = contributor.getByTestId("side-analysis");
  const articleSide = contributor.getByTestId("side-article");
  await expect(analysisSide.getByTestId("reader-text")).toHaveText(analysis);
  await expect(articleSide.getByTestId("reader-text")).toHaveText(article);
  await selectWithMouse(contributor, "reckless gamble", articleSide);
  const popover = articleSide.getByRole("dialog", { name: "Tag this passage" });
  await popover.getByRole("checkbox", { name: /^Loaded language/i }).check();
  await popover.getByRole("button", { name: "Save highlight" }).click();
  await expect(articleSide.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await expect(articleSide.locator("mark[data-ids]", { hasText: "reckless gamble" })).toBeVisible();
  await expect(analysisSide.locator("mark[data-ids]")).toHaveCount(0);

  // Submit.
  await contributor.goto(submissionUrl);
  await contributor.getByLabel("Message (optional)").fill("Ready for a look.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByTestId("submission-status")).toHaveText("Submitted");

  // The editor sees it in the queue, filtered by status, and assigns a reviewer.
  const editor = await pageFor(browser, eddie);
  await editor.goto(`/workspaces/${workspace.id}/review`);
  await expect(editor.getByTestId("inbox-link")).toHaveAccessibleName("Inbox, 1 unread");
  await editor.getByLabel("Status").selectOption("SUBMITTED");
  await editor.getByRole("button", { name: "Filter" }).click();
  await expect(editor).toHaveURL(/status=SUBMITTED/);
  const row = editor.getByTestId("queue-row").filter({ hasText: title });
  await expect(row).toContainText("Cora Contributor");
  await row
    .getByLabel(`Reviewer for “${title}”`, { exact: true })
    .selectOption({ label: "Rita Reviewer" });
  await row.getByRole("button", { name: `Assign reviewer for “${title}”` }).click();
  await expect(editor.getByText("Nothing in the queue with these filters.")).toBeVisible();
  await editor.getByLabel("Status").selectOption("IN_REVIEW");
  await editor.getByLabel("Reviewer", { exact: true }).selectOption({ label: "Rita Reviewer" });
  await editor.getByRole("button", { name: "Filter" }).click();
  await expect(editor.getByTestId("queue-row").filter({ hasText: title })).toContainText(
    "In review",
  );

  // The reviewer opens the notification, annotates with the codebook, requests changes.
  const reviewer = await pageFor(browser, rita);
  await reviewer.goto("/workspaces");
  await expect(reviewer.getByTestId("inbox-link")).toHaveAccessibleName("Inbox, 1 unread");
  await reviewer.getByTestId("inbox-link").click();
  await reviewer
    .getByTestId("notification")
    .filter({ hasText: "You were asked to review" })
    .getByRole("button", { name: /^Open/ })
    .click();
  await expect(reviewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reviewer.getByTestId("inbox-link")).toHaveAccessibleName("Inbox, nothing unread");
  await reviewer
    .getByRole("link", { name: "Read and highlight the text with the codebook" })
    .click();
  await selectWithMouse(reviewer, "historic victory");
  const tag = reviewer.getByRole("dialog", { name: "Tag this passage" });
  await tag.getByRole("checkbox", { name: /^Loaded language/i }).check();
  await tag.getByRole("button", { name: "Save highlight" }).click();
  await expect(reviewer.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await reviewer
    .getByRole("navigation", { name: "Document sections" })
    .getByRole("link", { name: "Submission" })
    .click();
  const review = reviewer.getByRole("region", { name: "Your review" });
  await review.getByRole("radio", { name: "Request changes" }).check();
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(review.getByText(/Say why you request changes/).first()).toBeVisible();
  await review.getByLabel("Message (required)").fill("Quote the article's own words.");
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByTestId("submission-status")).toHaveText("Changes requested");

  // The contributor sees it in the inbox and resubmits a revised text.
  await contributor.goto("/inbox");
  const note = contributor.getByTestId("notification").filter({ hasText: "Changes requested on" });
  await expect(note).toContainText("“Quote the article's own words.”");
  await expect(note).toHaveAttribute("data-unread", "true");
  await note.getByRole("button", { name: /^Open/ }).click();
  await expect(contributor.getByTestId("submission-status")).toHaveText("Changes requested");
  const revised = analysis.replace(
    "The article frames the vote",
    "In the minister's words, the article frames the budget vote",
  );
  await contributor.getByLabel("Revised text").fill(revised);
  await contributor.getByLabel("What changed (optional)").fill("Quoted the minister.");
  await contributor.getByRole("button", { name: "Resubmit revised text" }).click();
  await expect(contributor.getByTestId("resubmitted")).toContainText(
    "Resubmitted as version 2. Highlights: 0 unchanged, 1 moved to match the new text, 0 orphaned.",
  );
  await expect(contributor.getByTestId("submission-status")).toHaveText("Resubmitted");

  // The version view: both texts, the changes, and the highlight on both sides.
  await contributor.getByRole("link", { name: "Compare versions 1 and 2" }).click();
  const older = contributor.getByTestId("version-from");
  const newer = contributor.getByTestId("version-to");
  // Changes are marked (and named for screen readers: "[removed: …]", "[added: …]").
  await expect(older.locator("del")).toHaveText([/^\[removed: The\s*\]$/]);
  await expect(newer.locator("ins")).toHaveText([
    /^\[added: In the minister's words, the\s*\]$/,
    /^\[added: \s*budget\s*\]$/,
  ]);
  await expect(older).toContainText("article frames the vote as a historic victory");
  await expect(older.locator("mark[data-ids]")).toHaveText("historic victory");
  await expect(newer.locator("mark[data-ids]")).toHaveText("historic victory");
  await expect(contributor.getByTestId("diff-summary")).toContainText("added");

  // The editor approves; the contributor is told.
  await editor.goto(submissionUrl);
  const decision = editor.getByRole("region", { name: "Your review" });
  await decision.getByRole("radio", { name: "Approve" }).check();
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(editor.getByTestId("submission-status")).toHaveText("Approved");
  const timeline = editor.getByTestId("submission-timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(6);
  await expect(timeline).toContainText("Quote the article's own words.");
  await contributor.goto("/inbox");
  await expect(contributor.getByTestId("notification").first()).toContainText(
    `“${title}” was approved`,
  );
});

async function setUpAdjudication() {
  const [lead, ana, ben] = await Promise.all([
    makeUser("Lena Lead"),
    makeUser("Ana Annotator"),
    makeUser("Ben Annotator"),
  ]);
  const workspace = await makeWorkspace([
    { userId: lead.id, role: "OWNER" },
    { userId: ana.id, role: "ANNOTATOR" },
    { userId: ben.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, lead.id, "Budget vote", article);
  const [loaded, supportive, vague] = await Promise.all([
    labelId(workspace.id, "framing", "Loaded_Language"),
    labelId(workspace.id, "stance", "supportive"),
    labelId(workspace.id, "sourcing", "vague_attribution"),
  ]);
  const mark = (authorId: string, phrase: string, labelIds: string[]) =>
    makeAnnotation({ documentId: document.id, authorId, text: article, phrase, labelIds });
  // Exact agreement on "historic victory"; different labels on "reckless gamble";
  // only Ana marks "Critics say".
  await mark(ana.id, "historic victory", [supportive]);
  await mark(ben.id, "historic victory", [supportive]);
  await mark(ana.id, "reckless gamble", [loaded]);
  await mark(ben.id, "reckless gamble", [supportive]);
  await mark(ana.id, "Critics say", [vague]);
  return { lead, workspace, document };
}

test("[review] adjudication by keyboard: accept-all for exact agreement, accept, reject and edit one, and the gold set; axe on the queue and adjudication pages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { lead, workspace, document } = await setUpAdjudication();
  await signInViaApi(page.request, lead.email, lead.password);
  await page.goto(`/workspaces/${workspace.id}/review`);
  await expect(page.getByRole("heading", { name: "Adjudication into gold" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Adjudicate “Budget vote”" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Adjudicate “Budget vote”" }),
  ).toBeVisible();

  // One lane per person; differences emphasised.
  const passages = page.getByTestId("adjudication-passage");
  await expect(passages).toHaveCount(3);
  await expect(passages.nth(0)).toContainText("everyone agrees exactly");
  await expect(passages.nth(1)).toContainText("annotators differ");
  await expect(passages.nth(2)).toContainText("No highlight from Ben Annotator here.");
  await expect(passages.nth(0).getByTestId("lane")).toHaveCount(2);
  await expectNoSeriousViolations(page);

  // Keyboard only from here: focus the first proposal, accept every exact agreement.
  await page.getByTestId("proposal").first().focus();
  await page.keyboard.press("Shift+A");
  const status = page.getByTestId("adjudication-status");
  await expect(status).toHaveText("Accepted 1 span where everyone agreed exactly (2 highlights).");
  const gold = page.getByTestId("gold-item");
  await expect(gold).toHaveCount(1);
  await expect(gold.first()).toContainText("historic victory");

  // j moves on: Ana's then Ben's "reckless gamble" (proposals 3 and 4); accept Ana's,
  // reject Ben's.
  await page.getByTestId("proposal").first().focus();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator("[data-proposal-id]:focus")).toContainText("reckless gamble");
  await expect(page.locator("[data-proposal-id]:focus")).toHaveAccessibleName(/^Ana Annotator/);
  await page.keyboard.press("a");
  await expect(status).toHaveText("Accepted Ana Annotator's “reckless gamble” into the gold set.");
  await page.keyboard.press("j");
  await expect(page.locator("[data-proposal-id]:focus")).toHaveAccessibleName(/^Ben Annotator/);
  await page.keyboard.press("r");
  await expect(status).toHaveText("Rejected Ben Annotator's “reckless gamble”.");
  await expect(gold).toHaveCount(2);

  // Edit the last one: widen it by a word and change its label.
  await page.keyboard.press("j");
  await expect(page.locator("[data-proposal-id]:focus")).toContainText("Critics say");
  await page.keyboard.press("e");
  const editor = page.getByRole("dialog", {
    name: "Edit Ana Annotator's highlight for the gold set",
  });
  await expect(editor).toBeVisible();
  await editor.getByRole("button", { name: "End a word later" }).press("Enter");
  await expect(editor.locator("blockquote")).toHaveText("Critics say the");
  await editor.getByRole("button", { name: "End a word later" }).press("Enter");
  await expect(editor.locator("blockquote")).toHaveText("Critics say the figures");
  await editor.getByRole("radio", { name: "Anonymous source" }).press("Space");
  await editor.getByLabel("Reason (optional)").fill("The figures are part of the claim.");
  await editor.getByRole("button", { name: "Save to gold set" }).press("Enter");
  await expect(status).toHaveText("Saved your edit of “Critics say” to the gold set.");

  await expect(gold).toHaveCount(3);
  await expect(gold.nth(2)).toContainText("Critics say the figures");
  await expect(gold.nth(2)).toContainText("Anonymous source");
  await expect(gold.nth(2)).toContainText("by Lena Lead (lead)");
  await expect(page.getByTestId("gold-text").locator("mark[data-ids]")).toHaveCount(3);

  const rows = await db().annotation.findMany({
    where: { documentId: document.id },
    select: { exact: true, reviewState: true, isGold: true },
    orderBy: [{ start: "asc" }, { createdAt: "asc" }],
  });
  expect(rows.map((row) => [row.exact, row.reviewState, row.isGold])).toEqual([
    ["historic victory", "ACCEPTED", true],
    ["historic victory", "ACCEPTED", false],
    ["reckless gamble", "ACCEPTED", true],
    ["reckless gamble", "REJECTED", false],
    ["Critics say", "EDITED", false],
    ["Critics say the figures", "EDITED", true],
  ]);
});

test("[review] the owner filters the audit log and exports it as CSV; others cannot read it", async ({
  page,
  browser,
}) => {
  const { lead, workspace, document } = await setUpAdjudication();
  const editorUser = await makeUser("Edna Editor");
  await db().membership.create({
    data: { workspaceId: workspace.id, userId: editorUser.id, role: "EDITOR" },
  });
  await signInViaApi(page.request, lead.email, lead.password);
  // Two writes through the app, so the log has something to show.
  const created = await page.request.post(`/api/v1/documents/${document.id}/annotations`, {
    data: { start: 0, end: 12, exact: "The minister", comment: "Who exactly?" },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/workspaces/${workspace.id}`);
  await page
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await page.getByLabel("Kind of change").selectOption({ label: "Highlights created" });
  await page.getByLabel("Person").selectOption({ label: "Lena Lead" });
  await page.getByRole("button", { name: "Filter" }).click();
  const table = page.getByTestId("audit-log");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("created the highlight");
  await expect(table).toContainText("Who exactly?");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("time,actor_id,actor_name,action,entity_type,entity_id,before,after");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",Lena Lead,annotation.create,annotation,");
  expect(lines[1]).toContain("Who exactly?");

  // An editor sees no audit log entry and cannot open the page or the export.
  const editor = await pageFor(browser, editorUser);
  await editor.goto(`/workspaces/${workspace.id}`);
  await expect(
    editor
      .getByRole("navigation", { name: "Workspace sections" })
      .getByRole("link", { name: "Audit log" }),
  ).toHaveCount(0);
  const refused = await editor.request.get(`/api/v1/workspaces/${workspace.id}/audit-log`);
  expect(refused.status()).toBe(403);
  await editor.goto(`/workspaces/${workspace.id}/audit`);
  await expect(editor.getByText(/not found/i).first()).toBeVisible();
});

test("[review] two tabs edit the same highlight: the second save shows both versions to keep mine, take theirs or merge", async ({
  browser,
}) => {
  const owner = await makeUser("Tess Twotabs");
  const workspace = await makeWorkspace([{ userId: owner.id, role: "OWNER" }]);
  const document = await makeDocument(workspace.id, owner.id, "Budget vote", article);
  await makeAnnotation({
    documentId: document.id,
    authorId: owner.id,
    text: article,
    phrase: "reckless gamble",
    labelIds: [],
  });
  const path = `/workspaces/${workspace.id}/documents/${document.id}`;
  const [first, second] = [await pageFor(browser, owner), await pageFor(browser, owner)];
  await first.goto(path);
  await second.goto(path);

  async function editComment(page: Page, comment: string, check?: string) {
    await page.getByRole("button", { name: "Edit highlight “reckless gamble”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit highlight" });
    if (check) {
      await dialog.getByRole("checkbox", { name: new RegExp(`^${check}`, "i") }).check();
    }
    await dialog.getByLabel("Comment").fill(comment);
    await dialog.getByRole("button", { name: "Save highlight" }).click();
  }

  await editComment(first, "From the first tab");
  await expect(first.getByTestId("annotator-status")).toHaveText("Highlight updated.");

  await editComment(second, "From the second tab", "Loaded language");
  const conflict = second.getByRole("dialog", {
    name: "This highlight changed while you were editing it",
  });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Comment/ })).toContainText("From the second tab");
  await expect(conflict.getByRole("row", { name: /Comment/ })).toContainText("From the first tab");
  // Nothing was overwritten.
  const stored = () =>
    db().annotation.findFirstOrThrow({
      where: { documentId: document.id },
      select: { comment: true, revision: true, labels: { select: { labelId: true } } },
    });
  expect(await stored()).toMatchObject({ comment: "From the first tab", revision: 2, labels: [] });

  await conflict.getByRole("button", { name: "Save merged" }).click();
  await expect(second.getByTestId("annotator-status")).toHaveText("Saved the merged version.");
  const merged = await stored();
  expect(merged.comment).toBe("From the second tab\n\nFrom the first tab");
  expect(merged.labels).toHaveLength(1);
  expect(merged.revision).toBe(3);

  // Again from the first tab, now stale: take theirs this time.
  await editComment(first, "Stale edit");
  const again = first.getByRole("dialog", {
    name: "This highlight changed while you were editing it",
  });
  await again.getByRole("button", { name: "Take theirs" }).click();
  await expect(first.getByTestId("annotator-status")).toHaveText(
    "Took their version; your edit was dropped.",
  );
  await expect(first.getByTestId("annotation-item").first()).toContainText("From the first tab");
  expect((await stored()).revision).toBe(3);
});

test("[review] two people edit a document: the second sees both texts and merges them; a deleted highlight is restored once", async ({
  browser,
}) => {
  const [owner, ana] = await Promise.all([makeUser("Olga Owner"), makeUser("Ana Annotator")]);
  const workspace = await makeWorkspace([
    { userId: owner.id, role: "OWNER" },
    { userId: ana.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, owner.id, "Budget vote", article);
  // As for any document added through the app, the first version's text is kept.
  await db().documentRevision.create({
    data: {
      documentId: document.id,
      version: 1,
      title: "Budget vote",
      text: document.text,
      textHash: "e2e",
      createdById: owner.id,
    },
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: ana.id,
    text: article,
    phrase: "Critics say",
    labelIds: [],
  });
  const path = `/workspaces/${workspace.id}/documents/${document.id}`;
  const [first, second] = [await pageFor(browser, owner), await pageFor(browser, owner)];
  await first.goto(`${path}/edit`);
  await second.goto(`${path}/edit`);

  await first
    .getByLabel("Text", { exact: true })
    .fill(article.replace("a historic victory", "a narrow victory"));
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByTestId("edit-summary")).toBeVisible();

  await second
    .getByLabel("Text", { exact: true })
    .fill(article.replace("were never published", "were published late"));
  await second.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByTestId("document-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs").locator("del")).toHaveText([
    /narrow/,
    /never/,
  ]);
  await expect(conflict.getByTestId("conflict-yours").locator("ins")).toHaveText([
    /historic/,
    /late/,
  ]);
  await conflict.getByRole("button", { name: "Merge" }).click();
  await expect(conflict.getByRole("status")).toHaveText(
    "Merged: both sets of changes are in the text below. Check it, then save.",
  );
  const merged = article
    .replace("a historic victory", "a narrow victory")
    .replace("were never published", "were published late");
  await expect(second.getByLabel("Text", { exact: true })).toHaveValue(merged);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByTestId("edit-summary")).toBeVisible();
  await expect(second.getByTestId("reader-text")).toHaveText(merged);
  await expect(second.getByText("(version 3)")).toBeVisible();

  // Ana deletes her highlight; the owner restores it from the history panel. A second
  // restore (from a page opened earlier) is refused with a clear message.
  const annotator = await pageFor(browser, ana);
  await annotator.goto(path);
  await annotator.getByRole("button", { name: "Delete highlight “Critics say”" }).click();
  await expect(annotator.getByTestId("annotator-status")).toHaveText("Highlight deleted.");
  await first.goto(`${path}/history`);
  await second.goto(`${path}/history`);
  const entry = (page: Page) =>
    page.getByTestId("history-highlight").filter({ hasText: "Critics say" });
  await expect(entry(first)).toContainText("deleted");
  await entry(first).getByRole("button", { name: "Restore “Critics say”" }).click();
  // Restored: the entry is live again and offers no second restore.
  await expect(entry(first)).not.toContainText("deleted");
  await expect(entry(first).getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  await entry(second).getByRole("button", { name: "Restore “Critics say”" }).click();
  await expect(entry(second)).toContainText(
    "This highlight is not deleted (someone may have restored it already); there is nothing to restore.",
  );
  await entry(first).getByRole("link", { name: "Show the history of “Critics say”" }).click();
  const story = first.getByTestId("annotation-story");
  await expect(story.getByRole("listitem").filter({ has: first.locator("details") })).toHaveCount(
    4,
  );
  await expect(story).toContainText("Ana Annotator deleted the highlight");
  await expect(story).toContainText("Olga Owner restored the highlight");
});
