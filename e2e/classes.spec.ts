import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor, selectWithMouse } from "./support/reader";

const text = [
  "The minister's reckless plan will devastate families, critics say.",
  "",
  "Officials insist the budget is balanced and fair to every region.",
].join("\n");

async function signedInPage(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page.request, user.email, user.password);
  return page;
}

// Selects a phrase, picks a stance and saves, as a person does.
async function highlightWithStance(page: Page, phrase: string, stance: RegExp) {
  await selectWithMouse(page, phrase);
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover).toBeVisible();
  await popover.getByRole("radio", { name: stance }).check();
  await popover.getByRole("button", { name: "Save highlight" }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await expect(highlightFor(page, phrase)).toBeVisible();
}

function listedHighlights(page: Page) {
  return page
    .getByRole("list", { name: "Highlights in reading order" })
    .getByTestId("annotation-item");
}

async function handIn(page: Page) {
  await page.getByTestId("hand-in").getByRole("button", { name: "Hand in" }).click();
  await page.getByRole("button", { name: "Yes, hand in" }).click();
  await expect(page.getByTestId("handed-in")).toBeVisible();
}

test("[classes] join by link, blind assignment, hand-in, anonymised reveal, live highlights, discussion, key, score and gradebook", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const [teacherUser, benUser] = await Promise.all([makeUser("Ms Rivera"), makeUser("Ben Okafor")]);
  const workspace = await makeWorkspace(
    [{ userId: teacherUser.id, role: "OWNER" }],
    "Media literacy 9B",
  );
  const article = await makeDocument(workspace.id, teacherUser.id, "Budget day coverage", text);
  const documentPath = `/workspaces/${workspace.id}/documents/${article.id}`;

  // The instructor creates a join code.
  const teacher = await signedInPage(browser, teacherUser);
  await teacher.goto(`/workspaces/${workspace.id}/members`);
  await teacher.getByLabel("Stops working").selectOption("7");
  await teacher.getByRole("button", { name: "Create join code" }).click();
  await expect(teacher.getByTestId("join-code-status")).toHaveText("Working");
  const link = await teacher.getByLabel("Join link").inputValue();
  expect(link).toMatch(/\/join\/[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const joinPath = new URL(link).pathname;

  // A new student opens the link signed out, signs up there and lands in the class.
  const anaContext = await browser.newContext();
  const ana = await anaContext.newPage();
  await ana.goto(joinPath);
  await expect(ana.getByRole("heading", { name: "Join “Media literacy 9B”" })).toBeVisible();
  const anaEmail = `ana-${Date.now()}@example.org`;
  await ana.getByLabel("Your name").fill("Ana Lopez");
  await ana.getByLabel("Email").fill(anaEmail);
  await ana.getByLabel("Password").fill("ana password 123");
  await ana.getByLabel("Name shown to classmates (optional)").fill("Ana L.");
  await ana.getByRole("button", { name: "Create account and join" }).click();
  await expect(ana.getByText("Welcome: you joined “Media literacy 9B”.")).toBeVisible();

  // An existing user joins with one button; opening the link again changes nothing.
  const ben = await signedInPage(browser, benUser);
  await ben.goto(joinPath);
  await ben.getByRole("button", { name: "Join Media literacy 9B" }).click();
  await expect(ben.getByText("Welcome: you joined “Media literacy 9B”.")).toBeVisible();
  await ben.goto(joinPath);
  await expect(ben.getByTestId("already-member")).toContainText("You are already a member");

  // The instructor makes a blind assignment.
  await teacher.goto(`/workspaces/${workspace.id}/assignments`);
  await teacher.getByRole("link", { name: "New assignment" }).click();
  await teacher.getByLabel("Title").fill("Week 3: budget coverage");
  await teacher
    .getByLabel("Instructions (optional)")
    .fill("Mark **loaded** words. <script>alert(1)</script>");
  await teacher.getByRole("radio", { name: /^Blind/ }).check();
  await teacher.getByRole("checkbox", { name: "Budget day coverage" }).check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { name: "Week 3: budget coverage" })).toBeVisible();
  await expect(teacher.getByTestId("assignment-instructions").locator("strong")).toHaveText(
    "loaded",
  );
  await expect(teacher.getByTestId("assignment-instructions").locator("script")).toHaveCount(0);
  const assignmentPath = new URL(teacher.url()).pathname;

  // Two students annotate; each sees only their own, in the page and through the API.
  await ana.goto(assignmentPath);
  await ana.getByRole("link", { name: "Budget day coverage" }).click();
  await expect(ana.getByTestId("assignment-banner")).toContainText(
    "You see only your own highlights",
  );
  await highlightWithStance(ana, "reckless plan", /^Critical/);
  await ben.goto(documentPath);
  await highlightWithStance(ben, "budget is balanced", /^Supportive/);

  await ana.reload();
  await expect(listedHighlights(ana)).toHaveCount(1);
  await expect(highlightFor(ana, "budget is balanced")).toHaveCount(0);
  const anaApi = await ana.request.get(`/api/v1/documents/${article.id}/annotations`);
  const anaSees = (await anaApi.json()) as { annotations: { exact: string }[] };
  expect(anaSees.annotations.map((annotation) => annotation.exact)).toEqual(["reckless plan"]);
  await ben.reload();
  await expect(listedHighlights(ben)).toHaveCount(1);
  await expect(highlightFor(ben, "reckless plan")).toHaveCount(0);

  // Both hand in; progress and the frozen reader say so.
  await ana.goto(assignmentPath);
  await expect(ana.getByTestId("assignment-progress")).toHaveText(
    /1 of 1 document with highlights · 1 highlight/,
  );
  await handIn(ana);
  await ben.goto(assignmentPath);
  await handIn(ben);
  await ana.goto(documentPath);
  await expect(ana.getByTestId("handed-in-note")).toBeVisible();
  await expect(ana.getByRole("button", { name: "Tag selection" })).toHaveCount(0);

  // The instructor reveals, anonymised.
  await teacher.goto(assignmentPath);
  const reveal = teacher.getByTestId("reveal-form");
  await expect(reveal.getByRole("radio", { name: /anonymised/ })).toBeChecked();
  await reveal.getByRole("button", { name: "Reveal to the class" }).click();
  await expect(teacher.getByTestId("assignment-mode")).toContainText(
    "Classmates appear as “Student N”",
  );

  // Ben now sees Ana's highlight, under a pseudonym.
  await ben.goto(documentPath);
  await expect(highlightFor(ben, "reckless plan")).toBeVisible();
  const anaItem = listedHighlights(ben).filter({ hasText: "reckless plan" });
  await expect(anaItem).toContainText(/Student \d/);
  await expect(anaItem).not.toContainText("Ana");

  // The instructor reopens Ana's hand-in; her new highlight reaches Ben's open page live.
  await teacher.getByRole("button", { name: "Reopen the hand-in of Ana L." }).click();
  await expect(teacher.getByTestId("roster-row").filter({ hasText: "Ana L." })).toContainText(
    "reopened",
  );
  await ana.goto(documentPath);
  await expect(ana.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(ben.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  // Presence names people as their highlights are named: anonymised here, so a name
  // cannot be tied to the pseudonymous highlight that appears next.
  await expect(ben.getByTestId("presence-strip")).toContainText(/Student \d/);
  await expect(ben.getByTestId("presence-strip")).not.toContainText("Ana");
  await highlightWithStance(ana, "devastate families", /^Critical/);
  await expect(highlightFor(ben, "devastate families")).toBeVisible({ timeout: 5_000 });
  await expect(listedHighlights(ben)).toHaveCount(3);

  // A thread: Ben replies on Ana's highlight and agrees; Ana sees it unread, live, and answers.
  const benPanel = ben.getByTestId("threads-panel");
  await benPanel.getByTestId("thread-item").filter({ hasText: "reckless plan" }).click();
  await benPanel.getByLabel("Your reply").fill("Why is “reckless” loaded? ");
  await benPanel.getByLabel("Mention someone").selectOption({ label: "Ms Rivera (instructor)" });
  await expect(benPanel.getByLabel("Your reply")).toHaveValue(
    "Why is “reckless” loaded? @Ms Rivera ",
  );
  await benPanel.getByRole("button", { name: "Post reply" }).click();
  await expect(benPanel.getByTestId("thread-status")).toHaveText("Reply posted.");
  await benPanel.getByRole("button", { name: "Agree (0)", exact: true }).click();
  await expect(benPanel.getByRole("button", { name: "Agree (1)", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  const anaPanel = ana.getByTestId("threads-panel");
  const anaThread = anaPanel.getByTestId("thread-item").filter({ hasText: "reckless plan" });
  await expect(anaThread.getByTestId("unread-badge")).toHaveText("1 new");
  await expect(anaThread).toContainText("1 agree");
  await anaThread.click();
  await expect(anaPanel.getByTestId("thread-comment")).toContainText("Why is “reckless” loaded?");
  await expect(anaThread.getByTestId("unread-badge")).toHaveCount(0);
  await anaPanel.getByRole("button", { name: /^Reply to Student \d/ }).click();
  await anaPanel.getByLabel("Your reply").fill("It judges instead of describing.");
  await anaPanel.getByRole("button", { name: "Post reply" }).click();
  await expect(benPanel.getByTestId("thread-comment")).toHaveCount(2);
  await expect(benPanel).toContainText("It judges instead of describing.");

  // The instructor pins Ben's question, then builds the key from the students' highlights.
  await teacher.goto(`${documentPath}?thread=${await anaThreadId(teacher, article.id)}`);
  const teacherPanel = teacher.getByTestId("threads-panel");
  await teacherPanel
    .getByRole("article", { name: "Reply by Ben Okafor" })
    .getByRole("button", { name: "Pin" })
    .click();
  await expect(benPanel.getByText("Pinned by an instructor")).toBeVisible();

  await teacher.goto(`${assignmentPath}/key`);
  await teacher.getByRole("button", { name: /^Copy to key: “reckless plan” by Ana L\./ }).click();
  await expect(teacher.getByText("Copied to the key.")).toBeVisible();
  await teacher
    .getByRole("button", { name: /^Copy to key: “budget is balanced” by Ben Okafor/ })
    .click();
  await expect(
    teacher.getByRole("list", { name: "Key for Budget day coverage" }).getByTestId("key-candidate"),
  ).toHaveCount(2);

  // Ana sees her score: one matched, one missed, one extra.
  await ana.goto(assignmentPath);
  await ana
    .getByRole("link", { name: "See how your highlights compare with the answer key" })
    .click();
  await expect(ana.getByTestId("result-counts")).toHaveText(
    /1 matched · 1 missed · 1 extra · labels agree on 1 of 1 matched/,
  );
  const total = ana.getByTestId("score-table").first();
  await expect(total.getByRole("row", { name: /^Exact/ })).toContainText("0.500.500.50");

  // The gradebook downloads as CSV.
  await teacher.goto(`${assignmentPath}/gradebook`);
  await expect(teacher.getByTestId("gradebook-row")).toHaveCount(2);
  const [download] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("gradebook-week-3-budget-coverage.csv");
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^student,email,document,submitted_at,late,/);
  expect(lines.find((line) => line.startsWith(`Ana L.,${anaEmail},Budget day coverage,`))).toMatch(
    /^Ana L\.,[^,]+,Budget day coverage,,no,2,2,1,1,1,0\.500,0\.500,0\.500,/,
  );
  expect(
    lines.some((line) => line.startsWith("Ben Okafor,") && line.includes("(all documents)")),
  ).toBe(true);

  await anaContext.close();
});

// The id of Ana's "reckless plan" highlight, as the instructor's API sees it.
async function anaThreadId(page: Page, documentId: string) {
  const response = await page.request.get(`/api/v1/documents/${documentId}/annotations`);
  const { annotations } = (await response.json()) as {
    annotations: { id: string; exact: string; author: { name: string } }[];
  };
  const found = annotations.find(
    (annotation) => annotation.exact === "reckless plan" && annotation.author.name === "Ana L.",
  );
  if (!found) {
    throw new Error("Ana's highlight is missing");
  }
  return found.id;
}

test("[classes] bad join codes and a student reaching for instructor pages are refused with a message", async ({
  browser,
}) => {
  const [teacherUser, student] = await Promise.all([makeUser("Mr Chen"), makeUser("Sam Student")]);
  const workspace = await makeWorkspace(
    [
      { userId: teacherUser.id, role: "OWNER" },
      { userId: student.id, role: "ANNOTATOR" },
    ],
    "History 10A",
  );

  const teacher = await signedInPage(browser, teacherUser);
  await teacher.goto(`/workspaces/${workspace.id}/members`);
  await teacher.getByRole("button", { name: "Create join code" }).click();
  const oldLink = await teacher.getByLabel("Join link").inputValue();
  await teacher.getByRole("button", { name: "Replace with a new code" }).click();
  await expect(teacher.getByLabel("Join link")).not.toHaveValue(oldLink);
  const newLink = await teacher.getByLabel("Join link").inputValue();
  await teacher.getByRole("button", { name: "Switch off" }).click();
  await expect(teacher.getByTestId("join-code-status")).toHaveText("Switched off");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(oldLink).pathname);
  await expect(
    visitor.getByRole("alert").filter({ hasText: "No class uses the join code" }),
  ).toBeVisible();
  await visitor.goto(new URL(newLink).pathname);
  await expect(
    visitor.getByRole("alert").filter({ hasText: "has been switched off" }),
  ).toBeVisible();
  await visitor.goto("/join/not-a-code");
  await expect(
    visitor.getByRole("alert").filter({ hasText: "A join code has 8 letters and digits" }),
  ).toBeVisible();

  // Typed at /join by a signed-in person: the same checks.
  const sam = await signedInPage(browser, student);
  await sam.goto("/join");
  await sam.getByLabel("Join code").fill("abc");
  await sam.getByRole("button", { name: "Continue" }).click();
  await expect(sam.getByText("A join code has 8 letters and digits")).toBeVisible();

  // A student cannot open instructor pages or manage members.
  await sam.goto(`/workspaces/${workspace.id}/assignments/new`);
  await expect(sam.getByRole("heading", { name: /not found/i })).toBeVisible();
  await sam.goto(`/workspaces/${workspace.id}/members`);
  await expect(sam.getByTestId("join-code-panel")).toHaveCount(0);
  await expect(sam.getByTestId("member-row").filter({ hasText: "Mr Chen" })).not.toContainText(
    "@example.org",
  );
  await expect(sam.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // The last owner cannot leave.
  await teacher.getByRole("button", { name: "Leave workspace" }).click();
  await teacher.getByRole("button", { name: "Yes, leave workspace" }).click();
  await expect(teacher.getByRole("alert").filter({ hasText: "last owner" })).toBeVisible();
});

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("[a11y] members, assignment, discussion and class view pages have no serious or critical axe violations", async ({
  browser,
}) => {
  const [teacherUser, studentUser, otherUser] = await Promise.all([
    makeUser("Axe Teacher"),
    makeUser("Axe Student"),
    makeUser("Axe Classmate"),
  ]);
  const workspace = await makeWorkspace(
    [
      { userId: teacherUser.id, role: "OWNER" },
      { userId: studentUser.id, role: "ANNOTATOR" },
      { userId: otherUser.id, role: "ANNOTATOR" },
    ],
    "Axe class",
  );
  const article = await makeDocument(workspace.id, teacherUser.id, "Axe article", text);
  const assignment = await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Open week",
      instructions: "Read *carefully*.",
      mode: "OPEN",
      documents: { create: { documentId: article.id } },
    },
    select: { id: true },
  });
  const critical = await labelId(workspace.id, "stance", "critical");
  const highlight = await makeAnnotation({
    documentId: article.id,
    authorId: otherUser.id,
    text,
    phrase: "reckless plan",
    labelIds: [critical],
  });
  await db().comment.create({
    data: { annotationId: highlight.id, authorId: otherUser.id, body: "Loaded, I think." },
  });

  const student = await signedInPage(browser, studentUser);
  await student.goto(`/workspaces/${workspace.id}/documents/${article.id}?thread=${highlight.id}`);
  await expect(student.getByTestId("thread-view")).toContainText("Loaded, I think.");
  await expectNoSeriousViolations(student);
  await student.goto(`/workspaces/${workspace.id}/assignments/${assignment.id}`);
  await expect(student.getByTestId("hand-in")).toBeVisible();
  await expectNoSeriousViolations(student);

  const teacher = await signedInPage(browser, teacherUser);
  await teacher.goto(`/workspaces/${workspace.id}/members`);
  await teacher.getByRole("button", { name: "Create join code" }).click();
  await expect(teacher.getByTestId("join-code-status")).toHaveText("Working");
  await expectNoSeriousViolations(teacher);
  await teacher.goto(
    `/workspaces/${workspace.id}/assignments/${assignment.id}/class/${article.id}`,
  );
  await expect(teacher.getByTestId("class-passage")).toHaveCount(1);
  await expectNoSeriousViolations(teacher);
  await teacher.goto(`/workspaces/${workspace.id}/assignments/new`);
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByText("Give the assignment a title.")).toBeVisible();
  await expect(teacher.getByText("Choose at least one document.")).toBeVisible();
  await expectNoSeriousViolations(teacher);
});
