import { expect, test, type Page } from "@playwright/test";

import type { CodebookPreset } from "@/lib/codebooks/preset-types";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";

import { signInViaApi } from "./support/auth";
import { db, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { expectSelection, pressTabUntil } from "./support/reader";

// A codebook with every typed field and letter shortcuts (docs/codebooks.md).
const typedPreset: CodebookPreset = {
  key: "typed-e2e",
  name: "Typed fields",
  description: "",
  dimensions: [
    {
      key: "stance",
      name: "Stance",
      description: "",
      multiple: false,
      required: false,
      fieldType: "target",
      color: "#0072B2",
      labels: [
        { key: "supportive", name: "Supportive", description: "In favour.", shortcut: "s" },
        { key: "critical", name: "Critical", description: "Against.", shortcut: "c" },
      ],
    },
    {
      key: "verdict",
      name: "Verdict",
      description: "",
      multiple: false,
      required: false,
      fieldType: "text",
      color: "#D55E00",
      labels: [],
    },
    {
      key: "source",
      name: "Source",
      description: "",
      multiple: false,
      required: false,
      fieldType: "link",
      color: "#009E73",
      labels: [
        { key: "anonymous", name: "Anonymous", description: "Unnamed.", shortcut: "a" },
        { key: "named", name: "Named person", description: "Named.", shortcut: "n" },
      ],
    },
    {
      key: "genre",
      name: "Genre",
      description: "What kind of article this is.",
      multiple: false,
      required: false,
      scope: "document",
      color: "#CC79A7",
      labels: [
        { key: "opinion", name: "Opinion", description: "" },
        { key: "reporting", name: "Reporting", description: "" },
      ],
    },
  ],
};

const text = "Reckless spending, said the council spokesperson, will ruin families.";

async function setUp() {
  const ana = await makeUser("Ana Typed");
  const workspace = await makeWorkspace([{ userId: ana.id, role: "OWNER" }]);
  await db().$transaction(async (tx) => {
    await tx.codebook.updateMany({
      where: { workspaceId: workspace.id },
      data: { isDefault: false },
    });
    await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset: typedPreset,
      isDefault: true,
    });
  });
  const document = await makeDocument(workspace.id, ana.id, "Budget row", text);
  await makeAnnotation({
    documentId: document.id,
    authorId: ana.id,
    text,
    phrase: "the council spokesperson",
    labelIds: [],
  });
  return { ana, workspace, document };
}

async function openAs(page: Page, user: { email: string; password: string }, url: string) {
  await signInViaApi(page.request, user.email, user.password);
  await page.goto(url);
  await expect(page.getByTestId("reader-text")).toBeVisible();
}

test("[codebook] keyboard only: a stance target and holder, a free-text verdict and a link to another highlight", async ({
  page,
}) => {
  const { ana, workspace, document: article } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${article.id}`);

  await page.getByTestId("reader-text").focus();
  for (let press = 0; press < "Reckless spending".length; press += 1) {
    await page.keyboard.press("Shift+ArrowRight");
  }
  await expectSelection(page, "Reckless spending");
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover.getByRole("radio", { name: "None" }).first()).toBeFocused();

  // Each label shows its own key, and the letter picks it (not its position).
  await expect(popover.locator("label", { hasText: "Critical" }).locator("kbd")).toHaveText("C");
  await page.keyboard.press("c");
  await expect(popover.getByRole("radio", { name: /^Critical/ })).toBeChecked();

  await page.keyboard.press("Tab");
  await expect(popover.getByLabel("Stance target")).toBeFocused();
  await page.keyboard.type("the council");
  await page.keyboard.press("Tab");
  await expect(popover.getByLabel("Stance holder (optional)")).toBeFocused();
  await page.keyboard.type("Ms Ortiz");
  await page.keyboard.press("Tab");
  await expect(popover.getByRole("textbox", { name: "Verdict" })).toBeFocused();
  await page.keyboard.type("Misleading: the figures are not in the budget");
  await page.keyboard.press("Tab");
  await page.keyboard.press("n");
  await expect(popover.getByRole("radio", { name: /^Named person/ })).toBeChecked();
  await page.keyboard.press("Tab");
  const link = popover.getByLabel("Source: linked highlight");
  await expect(link).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(link.locator("option:checked")).toHaveText("“the council spokesperson”");

  await pressTabUntil(page, () => document.activeElement?.textContent === "Save highlight");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");

  await page.reload();
  const item = page.getByTestId("annotation-item").filter({ hasText: "Reckless spending" });
  const values = item.getByTestId("annotation-values");
  await expect(values).toContainText("Stance:target “the council” (held by Ms Ortiz)");
  await expect(values).toContainText("Verdict:Misleading: the figures are not in the budget");
  const jump = values.getByRole("button", { name: "linked to “the council spokesperson”" });
  await expect(jump).toBeVisible();

  // Enter on the link moves to the linked highlight's entry.
  await jump.focus();
  await page.keyboard.press("Enter");
  await expect(
    page
      .getByTestId("annotation-item")
      .filter({ hasText: "“the council spokesperson”" })
      .filter({ hasNotText: "Reckless" })
      .getByRole("button")
      .first(),
  ).toBeFocused();

  // Editing opens with the saved values.
  await item.getByRole("button", { name: /^Edit highlight/ }).click();
  const edit = page.getByRole("dialog", { name: "Edit highlight" });
  await expect(edit.getByLabel("Stance target")).toHaveValue("the council");
  await expect(edit.getByLabel("Source: linked highlight").locator("option:checked")).toHaveText(
    "“the council spokesperson”",
  );
});

test("[codebook] a whole-document dimension is answered in the reader and kept", async ({
  page,
}) => {
  const { ana, workspace, document: article } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${article.id}`);

  const panel = page.getByTestId("document-answers");
  await expect(panel.getByRole("heading", { name: "Whole document" })).toBeVisible();
  const genre = panel.getByTestId("document-dimension-genre");
  await genre.getByRole("radio", { name: "Opinion" }).check();
  await genre.getByRole("button", { name: "Save Genre" }).click();
  await expect(genre.getByRole("status")).toHaveText("Answer saved.");

  await page.reload();
  await expect(
    page.getByTestId("document-dimension-genre").getByRole("radio", { name: "Opinion" }),
  ).toBeChecked();
});
