import { readFileSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";

function readArticle(name: string): string {
  return readFileSync(path.resolve(process.cwd(), "../shared/fixtures/articles", name), "utf8");
}

async function readDownload(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

// Three classmates annotate the wire report; two the blog post; the lead owns the workspace.
async function setUp() {
  const [lead, ana, ben, cleo] = await Promise.all([
    makeUser("Lena Lead"),
    makeUser("Ana"),
    makeUser("Ben"),
    makeUser("Cleo"),
  ]);
  const workspace = await makeWorkspace([
    { userId: lead.id, role: "OWNER" },
    { userId: ana.id, role: "ANNOTATOR" },
    { userId: ben.id, role: "ANNOTATOR" },
    { userId: cleo.id, role: "ANNOTATOR" },
  ]);
  const wire = await makeDocument(
    workspace.id,
    lead.id,
    "Western Allies Forge Strong Security Pact",
    readArticle("paris-summit-wire.txt"),
  );
  const blog = await makeDocument(
    workspace.id,
    lead.id,
    "Paris Summit Seeks to Lock in Ukraine’s Future",
    readArticle("paris-summit-blog.txt"),
  );
  await db().document.update({ where: { id: wire.id }, data: { outlet: "Wire service" } });
  await db().document.update({ where: { id: blog.id }, data: { outlet: "Joab Peter's Blog" } });

  const [loaded, nameCalling, namedPerson, vague, accurate] = await Promise.all([
    labelId(workspace.id, "framing", "Loaded_Language"),
    labelId(workspace.id, "framing", "Name_Calling-Labeling"),
    labelId(workspace.id, "sourcing", "named_person"),
    labelId(workspace.id, "sourcing", "vague_attribution"),
    labelId(workspace.id, "accuracy", "accurate"),
  ]);
  const onWire = (authorId: string, phrase: string, labelIds: string[], comment?: string) =>
    makeAnnotation({ documentId: wire.id, authorId, text: wire.text, phrase, labelIds, comment });
  const onBlog = (authorId: string, phrase: string, labelIds: string[]) =>
    makeAnnotation({ documentId: blog.id, authorId, text: blog.text, phrase, labelIds });

  await onWire(ana.id, "assertive foreign policy", [loaded]);
  await onWire(ben.id, "assertive foreign policy", [loaded], "assertive is a judgement");
  await onWire(cleo.id, "assertive foreign policy", [nameCalling]);
  await onWire(ana.id, "French President Emmanuel Macron announced", [namedPerson]);
  await onWire(ben.id, "Emmanuel Macron announced", [namedPerson]);
  await onWire(ana.id, "The meeting included delegates from 35 countries, including 27 leaders.", [
    accurate,
  ]);
  await onBlog(ana.id, "high-stakes diplomatic huddle", [loaded]);
  await onBlog(ben.id, "critics say", [vague]);
  await onBlog(ana.id, "French President Emmanuel Macron pulled off", [namedPerson]);

  return { lead, ana, ben, cleo, workspace, wire, blog };
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("[agreement] a lead reads α and F1 with n, opens a passage by keyboard and downloads the reliability matrix", async ({
  page,
}) => {
  const { lead, workspace, wire } = await setUp();
  await signInViaApi(page.request, lead.email, lead.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}`);
  await page.getByRole("link", { name: "Agreement", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Agreement: Western Allies Forge Strong Security Pact",
  );
  await expect(page.getByText(/^3 annotators: Ana, Ben, Cleo\./)).toBeVisible();

  // Framing: α and F1 with what they rest on.
  const framing = page.getByTestId("measures-framing");
  const overall = framing.getByRole("row", { name: /^All labels/ });
  await expect(overall.getByRole("cell").nth(0)).toContainText(
    /^−?\d\.\d\dn = [\d,]+ tokens, 3 annotators$/,
  );
  await expect(overall.getByRole("cell").nth(2)).toContainText(
    /^\d\.\d\dn = 3 annotator pairs, 3 annotators$/,
  );
  await expect(page.getByText(/^Not used by anyone here: .*Whataboutism/)).toBeVisible();
  await expect(page.getByTestId("measures-stance")).toContainText(
    "Nobody highlighted anything in Stance (3 annotators,",
  );

  // The heat strip by keyboard: into the strip with Tab, along it with the arrow keys.
  const strip = page.getByTestId("heat-strip");
  await page.getByLabel("Dimension", { exact: true }).first().focus();
  await page.keyboard.press("Tab");
  const target = "3 of 3 annotators: Loaded language (2), Name calling (1)";
  for (let press = 0; press < 20; press += 1) {
    const label = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    if (label?.startsWith(target)) {
      break;
    }
    await page.keyboard.press("ArrowRight");
  }
  await expect(strip.getByRole("button", { name: target })).toBeFocused();
  await page.keyboard.press("Enter");
  const details = page.getByTestId("heat-details");
  await expect(details.getByRole("heading")).toHaveText("“assertive foreign policy”");
  await expect(details.getByRole("listitem").filter({ hasText: /^Ana/ }).first()).toContainText(
    "Framing technique: Loaded language",
  );
  await expect(details).toContainText("Comment: assertive is a judgement");
  await expect(details.getByRole("listitem").filter({ hasText: /^Cleo/ }).first()).toContainText(
    "Framing technique: Name calling",
  );

  // Annotator view and label confusion.
  await expect(page.getByTestId("pairwise-matrix")).toContainText("Cleo");
  await expect(page.getByText(/^This document has no gold set yet/)).toBeVisible();
  await expect(page.getByTestId("top-confusions")).toContainText(
    "Loaded language vs Name calling: 2 overlapping pairs",
  );

  // The reliability matrix: units × annotators.
  const [matrixDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Framing technique — reliability matrix (CSV)" }).click(),
  ]);
  expect(matrixDownload.suggestedFilename()).toBe(
    "reliability-matrix-western-allies-forge-strong-security-pact-framing-technique.csv",
  );
  const lines = (await readDownload(matrixDownload)).toString("utf8").trim().split("\n");
  expect(lines[0]).toBe("unit,Ana,Ben,Cleo");
  expect(lines.length).toBeGreaterThan(700);
  expect(lines.every((line) => line.split(",").length === 4 || line.includes('"'))).toBe(true);
  expect(lines.find((line) => / assertive,/.test(line))).toMatch(
    /^\d+-\d+ assertive,Loaded_Language,Loaded_Language,Name_Calling-Labeling$/,
  );
  expect(lines[1]).toBe("0-7 Western,O,O,O");

  // Every figure downloads as SVG, PNG and the data behind it.
  const figure = page.getByRole("figure", { name: "Token α per label: Framing technique" });
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Download SVG" }).click(),
  ]);
  expect((await readDownload(svg)).toString("utf8")).toMatch(/^<\?xml[^]*<svg[^]*Loaded language/);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Download PNG" }).click(),
  ]);
  expect((await readDownload(png)).subarray(1, 4).toString("latin1")).toBe("PNG");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Download data (CSV)" }).click(),
  ]);
  expect((await readDownload(csv)).toString("utf8")).toMatch(
    /^label,token alpha,n tokens,n annotators\n/,
  );
});

test("[agreement] one annotator: the page says agreement needs at least two", async ({ page }) => {
  const { lead, ana, workspace } = await setUp();
  const solo = await makeDocument(
    workspace.id,
    lead.id,
    "Solo reading",
    "A reckless plan, critics say.",
  );
  await makeAnnotation({
    documentId: solo.id,
    authorId: ana.id,
    text: solo.text,
    phrase: "reckless plan",
    labelIds: [await labelId(workspace.id, "framing", "Loaded_Language")],
  });
  await signInViaApi(page.request, lead.email, lead.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${solo.id}/agreement`);

  await expect(
    page.getByText(
      "Only one person has annotated this document, so every agreement figure is undefined: needs at least two annotators.",
    ),
  ).toBeVisible();
  await expect(
    page
      .getByTestId("measures-framing")
      .getByRole("row", { name: /^All labels/ })
      .getByRole("cell")
      .first(),
  ).toContainText("undefined: needs at least two annotators");
});

test("[agreement] an annotator gets the profile but not the agreement view", async ({ page }) => {
  const { ana, workspace, wire } = await setUp();
  await signInViaApi(page.request, ana.email, ana.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}`);

  await expect(page.getByRole("link", { name: "Profile", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Agreement", exact: true })).toHaveCount(0);
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}/agreement`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Agreement views show who marked what, so they are for editors and owners.",
  );
  const response = await page.request.get(
    `/api/v1/documents/${wire.id}/reliability-matrix?dimension=${await db()
      .dimension.findFirstOrThrow({
        where: { key: "framing", codebook: { workspaceId: workspace.id } },
      })
      .then((dimension) => dimension.id)}`,
  );
  expect(response.status()).toBe(403);
});

test("[agreement] the profile and a collection comparing the two summit articles", async ({
  page,
}) => {
  const { lead, workspace, wire } = await setUp();
  await signInViaApi(page.request, lead.email, lead.password);

  // The profile, from the document page.
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}`);
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Profile: Western Allies Forge Strong Security Pact",
  );
  await expect(page.getByTestId("profile-basis")).toContainText(
    "From all 3 annotators’ highlights pooled, 6 highlights: this document has no agreed (gold) set yet.",
  );
  const sourcing = page.getByRole("figure", { name: "Sourcing mix: named, anonymous or none" });
  await sourcing.getByText("Show the numbers as a table").click();
  await expect(sourcing.getByRole("row", { name: /^Named/ })).toContainText("2");
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("figure", { name: "Framing techniques" })
      .getByRole("button", { name: "Download PNG" })
      .click(),
  ]);
  expect(png.suggestedFilename()).toBe(
    "framing-technique-western-allies-forge-strong-security-pact.png",
  );

  // A collection, from the workspace's navigation; a nameless one is refused first.
  await page.goto(`/workspaces/${workspace.id}`);
  await page
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Collections" })
    .click();
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByText("Give the collection a name.")).toBeVisible();
  await page.getByLabel("Name").fill("Paris summit, five framings");
  await page.getByLabel("Description (optional)").fill("For Thursday’s class");
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paris summit, five framings");

  await expect(
    page.getByText("Add at least two documents to compare their outlets side by side."),
  ).toBeVisible();
  const add = page.getByLabel("Add a document");
  await add.selectOption({ label: "Western Allies Forge Strong Security Pact (Wire service)" });
  await page.getByRole("button", { name: "Add to collection" }).click();
  await expect(page.getByText("Added “Western Allies Forge Strong Security Pact”.")).toBeVisible();
  await add.selectOption({
    label: "Paris Summit Seeks to Lock in Ukraine’s Future (Joab Peter's Blog)",
  });
  await page.getByRole("button", { name: "Add to collection" }).click();
  await expect(page.getByTestId("collection-documents").getByRole("listitem")).toHaveCount(2);

  // Outlets side by side.
  const outlets = page.getByTestId("outlet-table");
  await expect(outlets.getByRole("columnheader")).toHaveText(["Wire service", "Joab Peter's Blog"]);
  await expect(page.getByTestId("shared-sources")).toHaveText(
    "Quoted by more than one outlet: Emmanuel Macron (Wire service, Joab Peter's Blog).",
  );
  await expect(page.getByTestId("shared-quotes")).toHaveText(
    "No quotation appears in more than one of these articles.",
  );
  await expect(page.getByTestId("omitted-claims")).toContainText(
    "The meeting included delegates from 35 countries, including 27 leaders.",
  );
  await expect(page.getByTestId("loaded-language")).toContainText(
    "“assertive foreign policy” — 2 annotators",
  );
  await expect(page.getByTestId("loaded-language")).toContainText(
    "“high-stakes diplomatic huddle” — 1 annotator",
  );
  await expect(page.getByRole("figure", { name: "Framing techniques" })).toBeVisible();

  // Agreement across the two documents, and its trend.
  const project = page.getByTestId("project-framing");
  await expect(project.getByRole("row", { name: /^d1 · Wire service/ })).toContainText("3");
  await expect(project.getByRole("row", { name: /^All documents \(pooled\)/ })).toContainText(
    /n = [\d,]+ tokens, 3 annotators/,
  );
  await expect(page.getByRole("figure", { name: "Pooled token α week by week" })).toBeVisible();
  const [matrix] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("link", { name: "Framing technique — reliability matrix for all documents (CSV)" })
      .click(),
  ]);
  const rows = (await readDownload(matrix)).toString("utf8").trim().split("\n");
  expect(rows[0]).toBe("unit,Ana,Ben,Cleo");
  expect(rows.at(-1)).toMatch(/^d2 \d+-\d+ Post,O,O,NA$/);

  // Taking a document out again.
  await page
    .getByRole("button", {
      name: "Remove “Paris Summit Seeks to Lock in Ukraine’s Future” from the collection",
    })
    .click();
  await expect(page.getByText(/^Removed “Paris Summit Seeks/)).toBeVisible();
  await expect(page.getByTestId("collection-documents").getByRole("listitem")).toHaveCount(1);
});

test("[agreement] a lead compares each annotator with the gold set; the profile rests on it; the trend has its table", async ({
  page,
}) => {
  const { lead, ana, workspace, wire } = await setUp();
  const [namedPerson, critical] = await Promise.all([
    labelId(workspace.id, "sourcing", "named_person"),
    labelId(workspace.id, "stance", "critical"),
  ]);
  // Adjudication as the review workflow records it: Ana's "assertive foreign policy" accepted
  // into gold; the lead's own gold highlights (reviewed by their author when made).
  const accepted = await db().annotation.findFirstOrThrow({
    where: { documentId: wire.id, authorId: ana.id, exact: "assertive foreign policy" },
  });
  await db().annotation.update({
    where: { id: accepted.id },
    data: { isGold: true, reviewState: "ACCEPTED", reviewedById: lead.id, reviewedAt: new Date() },
  });
  const addGold = async (phrase: string, labelIds: string[]) => {
    const row = await makeAnnotation({
      documentId: wire.id,
      authorId: lead.id,
      text: wire.text,
      phrase,
      labelIds,
    });
    const made = await db().annotation.findUniqueOrThrow({ where: { id: row.id } });
    await db().annotation.update({
      where: { id: row.id },
      data: {
        isGold: true,
        reviewState: "ACCEPTED",
        reviewedById: lead.id,
        reviewedAt: made.createdAt,
      },
    });
    return row;
  };
  await addGold("Emmanuel Macron announced", [namedPerson]);
  const stance = await addGold("assertive foreign policy", [critical]);
  await db().annotationValue.create({
    data: { annotationId: stance.id, dimensionKey: "stance", target: " Donald Trump " },
  });

  await signInViaApi(page.request, lead.email, lead.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}/agreement`);
  // The lead's adjudication highlights do not make them a fourth annotator.
  await expect(page.getByText(/^3 annotators: Ana, Ben, Cleo\./)).toBeVisible();

  const gold = page.getByRole("region", { name: "Annotators against the gold set" });
  await gold.getByLabel("Dimension").selectOption({ label: "Framing technique (1 gold)" });
  const summary = gold.getByTestId("gold-summary");
  await expect(summary.getByRole("row", { name: /^Ana/ })).toContainText("1.001.001.00");
  await expect(summary.getByRole("row", { name: /^Cleo/ })).toContainText("0.000.000.00");
  await gold.getByLabel("Annotator", { exact: true }).selectOption({ label: "Cleo" });
  await expect(gold.getByTestId("gold-top-confusions")).toHaveText(
    "Where the gold set says one label and Cleo another: gold Loaded language, Cleo Name calling (1).",
  );
  // Gold "Loaded language" against Cleo's labels: Loaded language 0, Name calling 1, missed 0.
  const goldLoaded = gold
    .getByTestId("gold-confusion")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Loaded language" }) });
  await expect(goldLoaded.getByRole("cell")).toHaveText(["0", "1", "0"]);
  const [goldCsv] = await Promise.all([
    page.waitForEvent("download"),
    gold.getByRole("button", { name: "Download F1 against the gold set (CSV)" }).click(),
  ]);
  expect((await readDownload(goldCsv)).toString("utf8")).toMatch(
    /^annotator,highlights,gold_highlights,f1_overlap,/,
  );

  // The profile says it rests on the gold set, and shows stance toward each target.
  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}/profile`);
  await expect(page.getByTestId("profile-basis")).toContainText(
    "From the agreed (gold) set, 3 highlights",
  );
  const byTarget = page.getByRole("figure", { name: "Stance by target" });
  await byTarget.getByText("Show the numbers as a table").click();
  await expect(byTarget.getByRole("row", { name: /^Donald Trump/ })).toContainText("1");

  // The trend across the workspace: a chart with its table beside it, by week and by day.
  await page.goto(`/workspaces/${workspace.id}/collections/workspace-agreement`);
  const weekly = page.getByRole("figure", { name: "Pooled token α week by week" });
  await expect(weekly.getByTestId("figure-table").getByRole("columnheader").first()).toHaveText(
    "week",
  );
  await page
    .getByRole("navigation", { name: "Trend period" })
    .getByRole("link", { name: "By day" })
    .focus();
  await page.keyboard.press("Enter");
  const daily = page.getByRole("figure", { name: "Mean span F1 (overlap) day by day" });
  await expect(daily.locator("svg.recharts-surface")).toBeVisible();
  await expect(daily.getByTestId("figure-table").getByRole("row")).not.toHaveCount(0);
  const [trendCsv] = await Promise.all([
    page.waitForEvent("download"),
    daily.getByRole("button", { name: "Download data (CSV)" }).click(),
  ]);
  expect((await readDownload(trendCsv)).toString("utf8")).toMatch(/^day,Stance,Sourcing/);
});

test("[a11y] agreement, profile and collection pages have no serious or critical axe violations", async ({
  page,
}) => {
  const { lead, workspace, wire, blog } = await setUp();
  const collection = await db().collection.create({
    data: {
      workspaceId: workspace.id,
      name: "Summit",
      documents: {
        create: [
          { documentId: wire.id, position: 0 },
          { documentId: blog.id, position: 1 },
        ],
      },
    },
  });
  await signInViaApi(page.request, lead.email, lead.password);

  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}/agreement`);
  await expect(page.getByTestId("heat-strip")).toBeVisible();
  await page.getByTestId("heat-strip").getByRole("button").first().click();
  await expectNoSeriousViolations(page);

  await page.goto(`/workspaces/${workspace.id}/documents/${wire.id}/profile`);
  await expect(page.getByRole("figure").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/workspaces/${workspace.id}/collections`);
  await expectNoSeriousViolations(page);

  await page.goto(`/workspaces/${workspace.id}/collections/${collection.id}`);
  await expect(page.getByTestId("outlet-table")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/workspaces/${workspace.id}/collections/workspace-agreement`);
  await expect(page.getByTestId("project-framing")).toBeVisible();
  await expectNoSeriousViolations(page);
});
