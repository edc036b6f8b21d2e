import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor, pressTabUntil, selectWithMouse } from "./support/reader";

const text = [
  "The council’s reckless scheme was pushed through by out-of-touch bureaucrats.",
  "",
  "Critics say the plan will hurt small businesses.",
].join("\n");

async function setUp(role: "OWNER" | "EDITOR" = "EDITOR") {
  const editor = await makeUser("Edna Editor");
  const workspace = await makeWorkspace([{ userId: editor.id, role }]);
  const article = await makeDocument(workspace.id, editor.id, "Council scheme", text);
  const loaded = await labelId(workspace.id, "framing", "Loaded_Language");
  await makeAnnotation({
    documentId: article.id,
    authorId: editor.id,
    text,
    phrase: "reckless scheme",
    labelIds: [loaded],
  });
  return { editor, workspace, article };
}

// Activates a control the way a keyboard user does: focus, then Enter.
async function pressEnterOn(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

test("[codebooks] an editor creates from a preset, edits with a live preview, publishes a new version and merges labels; the reader follows", async ({
  page,
}) => {
  const { editor, workspace, article } = await setUp();
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(`/workspaces/${workspace.id}`);

  // Keyboard: Tab to the workspace's Codebooks section.
  const nav = page.getByRole("navigation", { name: "Workspace sections" });
  await pressTabUntil(page, () => document.activeElement?.textContent === "Codebooks");
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Codebooks" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const newsroom = page.getByTestId("codebook-item").filter({ hasText: "Newsroom review" });
  await expect(newsroom).toContainText("Default: annotators tag with it");
  await expect(newsroom.getByRole("link", { name: /Version 1, published/ })).toBeVisible();

  // New from preset: the list shows each preset's source and licence.
  await pressEnterOn(page, page.getByRole("link", { name: "New from preset" }));
  const factCheck = page.getByRole("form", { name: "Fact-check ratings" });
  await expect(factCheck).toContainText("PolitiFact Truth-O-Meter ratings");
  await expect(factCheck).toContainText("Rating names are PolitiFact's");
  await pressEnterOn(page, factCheck.getByRole("button", { name: "Create “Fact-check ratings”" }));
  await expect(page.getByRole("heading", { level: 1, name: "Fact-check ratings" })).toBeVisible();
  await expect(page.getByTestId("codebook-notice")).toHaveText("Codebook created from the preset.");
  await expect(page.getByText("Version 1 · Published").first()).toBeVisible();

  // Edit the default codebook: the live preview is the real popover.
  await page.goto(`/workspaces/${workspace.id}/codebooks`);
  await pressEnterOn(page, newsroom.getByRole("link", { name: "Newsroom review" }));
  await pressEnterOn(page, page.getByRole("link", { name: "Edit (saves as version 2)" }));
  const preview = page.getByTestId("codebook-preview");
  await expect(preview.getByRole("dialog", { name: "Tag this passage" })).toBeVisible();
  await expect(preview.getByRole("radio", { name: /^Critical/ })).toBeVisible();

  const critical = page.getByTestId("label-editor-critical");
  await pressEnterOn(page, critical.locator("summary"));
  const name = critical.getByLabel("Name", { exact: true });
  await name.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Critical of the target");
  await expect(preview.getByRole("radio", { name: /^Critical of the target/ })).toBeVisible();
  // The preview did not take the focus away from the editor.
  await expect(name).toBeFocused();

  // Ctrl+S saves: a published version is never changed, the edit becomes a draft.
  await page.keyboard.press("Control+S");
  await expect(page.getByTestId("codebook-notice")).toContainText("Saved as version 2 (draft)");
  await expect(page.getByText("Version 2 · Draft").first()).toBeVisible();
  await pressEnterOn(page, page.getByRole("button", { name: "Publish version 2" }));
  await expect(page.getByTestId("codebook-notice")).toHaveText(
    "Version 2 is published; 1 highlight now carries its labels.",
  );
  await expect(page.getByText("Version 2 · Published").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Version 1 · Archived" })).toBeVisible();
  const v2 = page.url();

  // The reader tags with version 2; the existing highlight kept its label.
  await page.goto(`/workspaces/${workspace.id}/documents/${article.id}`);
  const item = page.getByTestId("annotation-item").filter({ hasText: "reckless scheme" });
  await expect(item).toContainText("Loaded language");
  await selectWithMouse(page, "out-of-touch");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover.getByRole("radio", { name: /^Critical of the target/ })).toBeVisible();
  await page.keyboard.press("Escape");

  // Merge "Loaded language" into "Name calling": a mapping with counts, then version 3.
  await page.goto(v2.split("?")[0] ?? v2);
  await pressEnterOn(
    page,
    page.getByRole("link", { name: "Rename, merge, split or delete labels" }),
  );
  await page.getByRole("tab", { name: "Rename" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Merge" })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("Dimension").selectOption({ label: "Framing technique" });
  await page.getByRole("checkbox", { name: "Loaded language (1 highlight)" }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Label to keep").selectOption({ label: "Name calling" });
  await expect(page.getByTestId("operation-summary")).toHaveText(
    "Moves 1 highlight (Loaded language: 1) to “Name calling”.",
  );
  await pressEnterOn(page, page.getByRole("button", { name: "Merge labels" }));
  await expect(page.getByTestId("codebook-notice")).toHaveText(
    "Labels merged. This is version 3; 1 highlight now carries the merged label.",
  );

  await page.goto(`/workspaces/${workspace.id}/documents/${article.id}`);
  await expect(item).toContainText("Name calling");
  await expect(item).not.toContainText("Loaded language");
  await expect(highlightFor(page, "reckless scheme")).toBeVisible();
});

test("[codebooks] importing a bad file lists every problem with its path and imports nothing; export downloads JSON that imports again", async ({
  page,
}) => {
  const { editor, workspace } = await setUp();
  await signInViaApi(page.request, editor.email, editor.password);

  const bad = JSON.stringify(
    {
      schemaVersion: 1,
      key: "class-scheme",
      name: "",
      dimensions: [
        {
          key: "tone",
          name: "Tone",
          color: "#0072B2",
          fieldType: "slider",
          labels: [
            { key: "calm", name: "Calm", shortcut: "1", parent: "angry" },
            { key: "angry", name: "Angry", shortcut: "1", parent: "calm" },
            { key: "calm", name: "Calm again" },
            { key: "nameless" },
          ],
        },
      ],
    },
    null,
    2,
  );

  await page.goto(`/workspaces/${workspace.id}/codebooks/import`);
  await page.getByLabel("Codebook JSON").fill(bad);
  await pressEnterOn(page, page.getByRole("button", { name: "Check and import" }));
  const problems = page.getByTestId("codebook-problems");
  await expect(problems).toContainText("The codebook has 7 problems; nothing was imported.");
  for (const [location, message] of [
    ["dimensions[0].fieldType", "Unknown field type; use one of: labels, ordinal, text, target, link."],
    ["dimensions[0].labels[0].parent", 'The parents form a cycle: "calm" → "angry" → "calm".'],
    ["dimensions[0].labels[1].parent", 'The parents form a cycle: "angry" → "calm" → "angry".'],
    ["dimensions[0].labels[1].shortcut", 'The shortcut "1" is already used by labels[0]'],
    ["dimensions[0].labels[2].key", 'The key "calm" is already used by labels[0]'],
    ["dimensions[0].labels[3].name", "Give the label a name."],
    ["name", "Give the codebook a name."],
  ]) {
    const escaped = (location ?? "").replace(/[.[\]]/g, "\\$&");
    await expect(
      problems.getByRole("listitem").filter({ hasText: new RegExp(`^${escaped} `) }),
    ).toContainText(message ?? "");
  }
  // What was pasted is still there to fix, and nothing was imported.
  await expect(page.getByLabel("Codebook JSON")).toHaveValue(bad);
  await page.goto(`/workspaces/${workspace.id}/codebooks`);
  await expect(page.getByTestId("codebook-item")).toHaveCount(1);

  // Export downloads the codebook as JSON with its schema version.
  await page.getByRole("link", { name: "Newsroom review" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    pressEnterOn(page, page.getByRole("link", { name: "Export JSON" })),
  ]);
  expect(download.suggestedFilename()).toBe("newsroom-review-v1.json");
  const exported = JSON.parse(await readFile(await download.path(), "utf8")) as {
    schemaVersion: number;
    key: string;
    name: string;
    guidelines: string;
    dimensions: { key: string; labels: unknown[] }[];
  };
  expect(exported.schemaVersion).toBe(1);
  expect(exported.key).toBe("newsroom-review");
  expect(exported.dimensions.map((dimension) => dimension.key)).toEqual([
    "stance",
    "sourcing",
    "accuracy",
    "framing",
    "ai_involvement",
  ]);

  // The file imports again (under another key: a new codebook), uploaded as a file.
  await page.goto(`/workspaces/${workspace.id}/codebooks/import`);
  await page.getByLabel("Upload a .json file").setInputFiles({
    name: "copy.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({ ...exported, key: "newsroom-copy", name: "Newsroom copy" }),
    ),
  });
  await pressEnterOn(page, page.getByRole("button", { name: "Check and import" }));
  await expect(page.getByRole("heading", { level: 1, name: "Newsroom copy" })).toBeVisible();
  await expect(page.getByTestId("codebook-notice")).toHaveText("Codebook imported as version 1.");
});

test("[codebooks] guidelines render safely, and a label's guidelines are one keystroke from the tag popover", async ({
  page,
  context,
}) => {
  const { editor, workspace, article } = await setUp();
  await signInViaApi(page.request, editor.email, editor.password);

  await page.goto(`/workspaces/${workspace.id}/codebooks`);
  await page.getByRole("link", { name: "Newsroom review" }).click();
  await page.getByRole("link", { name: "Edit (saves as version 2)" }).click();
  await page
    .getByLabel("Guidelines (Markdown)")
    .fill(
      [
        "# How to tag",
        "",
        "Read the **whole** article first. See [PolitiFact](https://www.politifact.com/).",
        "",
        '<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">',
        "",
        "[Do not click](javascript:window.pwned=true)",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "Preview the guidelines" }).click();
  await expect(
    page.getByTestId("guidelines-preview").getByRole("heading", { name: "How to tag" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Save as version 2 (draft)" }).click();
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByText("Version 2 · Published").first()).toBeVisible();

  const guidelines = page.getByRole("region", { name: "Guidelines" });
  await expect(guidelines.getByRole("heading", { name: "How to tag" })).toBeVisible();
  await expect(guidelines.locator("strong")).toHaveText("whole");
  await expect(guidelines.getByRole("link", { name: "PolitiFact" })).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow",
  );
  await expect(guidelines.locator("script, img, [onerror]")).toHaveCount(0);
  await expect(guidelines.getByText("window.pwned = true")).toHaveCount(0);
  const unsafe = guidelines.getByRole("link", { name: "Do not click" });
  expect(await unsafe.getAttribute("href")).not.toMatch(/javascript/i);
  expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();

  // In the reader: focus a label in the popover and press "?".
  await page.goto(`/workspaces/${workspace.id}/documents/${article.id}`);
  await selectWithMouse(page, "out-of-touch bureaucrats");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await popover.getByRole("radio", { name: /^Critical/ }).focus();
  await expect(popover.getByRole("link", { name: /Guidelines for Critical/ })).toBeVisible();
  const [guidePage] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("?")]);
  await guidePage.waitForLoadState();
  expect(guidePage.url()).toMatch(/\/codebooks\/[^/]+\/labels\/[^/]+$/);
  await expect(guidePage.getByRole("heading", { level: 1, name: "Critical" })).toBeVisible();
  await expect(guidePage.getByTestId("label-definition")).toHaveText(
    "Presents the target unfavourably.",
  );
  await expect(guidePage.getByText("The council pushed the charge through")).toBeVisible();
  // The popover is still open with nothing picked by the "?".
  await expect(popover.getByRole("radio", { name: /^Critical/ })).not.toBeChecked();
});

test("[codebooks] a new workspace starts from the chosen preset", async ({ page }) => {
  const owner = await makeUser("Olga Owner");
  await signInViaApi(page.request, owner.email, owner.password);
  await page.goto("/workspaces");

  const starting = page.getByLabel("Starting codebook");
  await expect(starting).toHaveValue("newsroom-review");
  await page.getByLabel("Name").fill("Fact desk");
  await starting.selectOption({ label: "Fact-check ratings" });
  await expect(page.getByText(/1 dimension|2 dimensions/)).toContainText("Truth-O-Meter");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Fact desk" })).toBeVisible();

  await page.getByRole("link", { name: "Codebooks" }).click();
  const items = page.getByTestId("codebook-item");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Fact-check ratings");
  await expect(items.first()).toContainText("Default: annotators tag with it");
});

test("[codebooks] the codebook pages have no serious or critical accessibility violations", async ({
  page,
}) => {
  const { editor, workspace } = await setUp("OWNER");
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(`/workspaces/${workspace.id}/codebooks`);
  await page.getByRole("link", { name: "Newsroom review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsroom review" })).toBeVisible();
  const codebookUrl = page.url();
  const labelUrl = await page
    .getByRole("link", { name: "Critical", exact: true })
    .getAttribute("href");

  for (const path of [
    `/workspaces/${workspace.id}/codebooks`,
    `/workspaces/${workspace.id}/codebooks/new`,
    `/workspaces/${workspace.id}/codebooks/import`,
    codebookUrl,
    `${codebookUrl}/edit`,
    `${codebookUrl}/change-labels`,
    labelUrl ?? "",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(
      serious.map((violation) => `${path}: ${violation.id} (${violation.nodes.length})`),
    ).toEqual([]);
  }
});
