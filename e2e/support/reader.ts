import { expect, type Locator, type Page } from "@playwright/test";

// Drags the mouse across the first occurrence of `phrase` in the reader, the way a
// person selects text. `within` picks one reader where a page shows two.
export async function selectWithMouse(page: Page, phrase: string, within: Page | Locator = page) {
  const box = await phraseRange(within, phrase, false);

  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

// Selects `phrase` the way a phone's long-press and selection handles leave it: a DOM range
// (which fires selectionchange) with no pointer involved. Playwright cannot drive the
// system's handles themselves.
export async function selectLikeTouchHandles(page: Page, phrase: string) {
  await phraseRange(page, phrase, true);
}

// Finds the first occurrence of `phrase` in the reader, scrolls it to the middle of the
// window and returns where it starts and ends on screen; `select` also makes it the
// document's selection.
async function phraseRange(within: Page | Locator, phrase: string, select: boolean) {
  return within.getByTestId("reader-text").evaluate(
    (root, [wanted, andSelect]) => {
      const text = root.textContent ?? "";
      const at = text.indexOf(wanted);
      if (at < 0) {
        throw new Error(`"${wanted}" is not in the reader`);
      }

      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let startSet = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!startSet && at < seen + length) {
          range.setStart(node, at - seen);
          startSet = true;
        }
        if (startSet && at + wanted.length <= seen + length) {
          range.setEnd(node, at + wanted.length - seen);
          break;
        }
        seen += length;
      }

      if (andSelect) {
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }

      // Long articles: bring the phrase to the middle of the window before dragging.
      const target = range.getBoundingClientRect();
      window.scrollBy(0, target.top - window.innerHeight / 2);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) {
        throw new Error("no layout for the phrase");
      }
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    [phrase, select] as const,
  );
}

export async function pressTabUntil(page: Page, isTarget: () => boolean, maxPresses = 60) {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await page.evaluate(isTarget)) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error("The target never received focus by Tab");
}

export function highlightFor(page: Page, phrase: string) {
  return page.getByTestId("reader-text").locator("mark", { hasText: phrase });
}

export async function expectSelection(page: Page, expected: string) {
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ""))
    .toBe(expected);
}
