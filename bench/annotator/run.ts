import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";

import { chromium, devices, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { signInViaApi } from "../../e2e/support/auth";
import { buildSegments } from "../../lib/annotator/highlight-segments";
import { findChromium } from "../../scripts/lib/chromium";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { acquireTestPostgres } from "../../scripts/lib/test-postgres";

import { benchDistDir, buildAppIfStale } from "./build-app";
import {
  armInteraction,
  checkFramewise,
  checkRecogito,
  loadProbe,
  readInteraction,
  readLoadProbe,
  scriptedScroll,
  selectPassage,
  type LoadProbeConfig,
  type LoadProbeResult,
  type ProbeHighlight,
} from "./page-probes";
import { seedBenchData, type BenchData } from "./seed-bench-data";
import { startStaticPages, type StaticPages } from "./static-pages";
import { median, summarize, type BenchRow } from "./summarize";

// `npm run bench -- --only annotator`: how fast a 20,000-word article with 2,000
// overlapping highlights opens in the reader, against the same article without highlights
// (the floor) and against @recogito/text-annotator painting the same highlights on a plain
// page; then how fast a save and a selection show, and whether scrolling janks.
// Aims (issue 3): painted with highlights ≤ 1.5 × the floor, and faster than Recogito.

export type AnnotatorBenchOptions = {
  runs?: number;
  // Saves, and mouse selections, measured on the big document.
  interactions?: number;
  words?: number;
  highlights?: number;
  log?: (message: string) => void;
};

export type AnnotatorBenchReport = {
  rows: BenchRow[];
  notes: string[];
  ratios: { paintOverFloor: number; paintOverRecogito: Partial<Record<RecogitoKey, number>> };
};

type RecogitoKey = "SPANS" | "CSS_HIGHLIGHTS";

type LoadCase = {
  key: "a" | "b" | "static" | RecogitoKey;
  url: string;
  probe: LoadProbeConfig;
  signedIn: boolean;
};

type LoadSample = LoadProbeResult & { recogito?: RecogitoCheck; framewise?: FramewiseCheck };
type FramewiseCheck = {
  inViewport: number;
  painted: number;
  missing: number;
  misplaced: number;
  marks: number;
};
type RecogitoCheck = { loaded: number; misplaced: number; inViewport: number; painted: number };
type ScrollSample = {
  durationMs: number;
  longTasks: number;
  longTaskMs: number;
  maxFrameGapMs: number;
  slowFrames: number;
};

// playwright.config.ts's launch flags and device, so the bench sees what the e2e tests see.
const launchArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const device = devices["Desktop Chrome"];

const waitTimeoutMs = 120_000;

export async function runAnnotatorBench(
  options: AnnotatorBenchOptions = {},
): Promise<AnnotatorBenchReport> {
  const runs = options.runs ?? 7;
  const interactions = options.interactions ?? runs;
  const words = options.words ?? 20_000;
  const highlightCount = options.highlights ?? 2_000;
  const log = options.log ?? ((message: string) => console.log(`[bench:annotator] ${message}`));

  const chromiumLookup = await findChromium();
  if (!chromiumLookup.ok) {
    throw new Error(chromiumLookup.message);
  }

  const postgres = await acquireTestPostgres(log);
  let databaseUrl: string | undefined;
  let server: NextServer | undefined;
  let pages: StaticPages | undefined;
  let browser: Browser | undefined;

  try {
    databaseUrl = await postgres.createDatabase("framewise_bench");
    const seeded = Date.now();
    const data = await seedBenchData({ databaseUrl, words, highlightCount });
    log(
      `Seeded a ${words.toLocaleString("en")}-word article (${data.text.length.toLocaleString("en")} UTF-16 units) ` +
        `twice, one with ${data.highlights.length.toLocaleString("en")} highlights, in ${Date.now() - seeded} ms.`,
    );

    const env = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      FRAMEWISE_DIST_DIR: benchDistDir,
    };
    await buildAppIfStale(env, log);
    server = await startNextServer({ env });
    pages = await startStaticPages(data);
    browser = await chromium.launch({
      executablePath: chromiumLookup.executablePath ?? undefined,
      headless: true,
      args: launchArgs,
    });

    const storageState = await signIn(browser, server.url, data);
    const documentUrl = (id: string) =>
      `${server!.url}/workspaces/${data.workspaceId}/documents/${id}`;
    const expectedMarks = countMarks(data);
    const probeHighlights: ProbeHighlight[] = data.highlights.map((highlight) => [
      highlight.id,
      highlight.start16,
      highlight.end16,
    ]);

    const cases: LoadCase[] = [
      {
        key: "a",
        url: documentUrl(data.plainDocumentId),
        probe: { kind: "framewise", highlights: [], textLength: data.text.length },
        signedIn: true,
      },
      {
        key: "b",
        url: documentUrl(data.highlightedDocumentId),
        probe: { kind: "framewise", highlights: probeHighlights, textLength: data.text.length },
        signedIn: true,
      },
      {
        key: "static",
        url: `${pages.url}/plain.html`,
        probe: { kind: "plain", textLength: data.text.length },
        signedIn: false,
      },
      {
        key: "SPANS",
        url: `${pages.url}/recogito-spans.html`,
        probe: { kind: "recogito", renderer: "SPANS" },
        signedIn: false,
      },
      {
        key: "CSS_HIGHLIGHTS",
        url: `${pages.url}/recogito-css-highlights.html`,
        probe: { kind: "recogito", renderer: "CSS_HIGHLIGHTS" },
        signedIn: false,
      },
    ];

    const contexts = new Map<LoadCase["key"], { context: BrowserContext; page: Page }>();
    for (const loadCase of cases) {
      const context = await browser.newContext({
        ...device,
        baseURL: server.url,
        storageState: loadCase.signedIn ? storageState : undefined,
      });
      await context.addInitScript({ content: loadProbe(loadCase.probe) });
      contexts.set(loadCase.key, { context, page: await context.newPage() });
    }

    // One warm-up load per case (HTTP cache, V8 code cache), then the measured loads,
    // taking the cases in turn so a busy moment on the machine spreads over all of them.
    log(`Loading each page once to warm up, then ${runs} measured loads each…`);
    const samples = new Map<LoadCase["key"], LoadSample[]>(cases.map((item) => [item.key, []]));
    for (let round = 0; round <= runs; round += 1) {
      for (const loadCase of cases) {
        const { page } = contexts.get(loadCase.key)!;
        const sample = await measureLoad(page, loadCase);
        if (round > 0) {
          samples.get(loadCase.key)!.push(sample);
        }
      }
      log(round === 0 ? "Warm-up done." : `Round ${round} of ${runs} done.`);
    }

    log("Scrolling each page top to bottom (long tasks, frame gaps)…");
    const scrolls = new Map<LoadCase["key"], ScrollSample[]>();
    for (const loadCase of cases) {
      const { page } = contexts.get(loadCase.key)!;
      const list: ScrollSample[] = [];
      for (let index = 0; index < Math.min(runs, 3); index += 1) {
        await measureLoad(page, loadCase);
        await page.waitForTimeout(500);
        list.push((await page.evaluate(scriptedScroll(120))) as ScrollSample);
      }
      scrolls.set(loadCase.key, list);
    }

    for (const { context } of contexts.values()) {
      await context.close();
    }

    log(`Saving ${interactions} new highlights and making ${interactions} mouse selections…`);
    const interaction = await measureInteractions(browser, storageState, {
      url: documentUrl(data.highlightedDocumentId),
      probe: cases[1]!.probe,
      data,
      count: interactions,
    });

    return report({ samples, scrolls, interaction, data, expectedMarks, runs });
  } finally {
    await browser?.close();
    await pages?.stop();
    await server?.stop();
    if (databaseUrl) {
      await postgres.dropDatabase(databaseUrl);
    }
    await postgres.release();
  }
}

async function signIn(browser: Browser, baseURL: string, data: BenchData) {
  const context = await browser.newContext({ ...device, baseURL });
  await signInViaApi(context.request, data.reader.email, data.reader.password);
  const state = await context.storageState();
  await context.close();
  return state;
}

// The runs of text under the same set of highlights (lib/annotator/highlight-segments.ts):
// the <mark>s the reader holds once every paragraph has been painted (a few more where
// a run crosses a paragraph edge).
function countMarks(data: BenchData): number {
  return buildSegments(
    data.text.length,
    data.highlights.map((highlight) => ({
      id: highlight.id,
      start: highlight.start16,
      end: highlight.end16,
    })),
  ).filter((segment) => segment.ids.length > 0).length;
}

async function measureLoad(page: Page, loadCase: LoadCase): Promise<LoadSample> {
  await page.bringToFront();
  await page.goto("about:blank");
  await page.goto(loadCase.url, { waitUntil: "commit" });

  try {
    await waitUntil(page, "window.__fwBench !== undefined && window.__fwBench.paintedAt > 0");
  } catch (error) {
    const seen = await page
      .evaluate(
        "({ marks: document.querySelectorAll('mark').length, spans: document.querySelectorAll('.r6o-annotation').length, title: document.title })",
      )
      .catch(() => null);
    throw new Error(
      `${loadCase.url} never finished painting (${JSON.stringify(seen)}): ${String(error)}`,
    );
  }

  if (loadCase.probe.kind === "framewise") {
    // Hydration is watched through React's DevTools hook; without it, the figure is missing
    // rather than the run failing.
    await waitUntil(page, "window.__fwBench.hydratedAt > 0").catch(() => undefined);
  }

  const sample = (await page.evaluate(readLoadProbe)) as LoadSample;
  if (loadCase.probe.kind === "recogito") {
    sample.recogito = (await page.evaluate(checkRecogito)) as RecogitoCheck;
  }
  if (loadCase.probe.kind === "framewise" && loadCase.probe.highlights.length > 0) {
    sample.framewise = (await page.evaluate(
      checkFramewise(loadCase.probe.highlights),
    )) as FramewiseCheck;
  }
  return sample;
}

async function measureInteractions(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>,
  {
    url,
    probe,
    data,
    count,
  }: { url: string; probe: LoadProbeConfig; data: BenchData; count: number },
) {
  const context = await browser.newContext({ ...device, baseURL: url, storageState });
  await context.addInitScript({ content: loadProbe(probe) });
  const page = await context.newPage();
  const result = {
    enterToPopover: [] as number[],
    mouseUpToPopover: [] as number[],
    clickToPending: [] as number[],
    clickToSaved: [] as number[],
  };

  try {
    await measureLoad(page, { key: "b", url, probe, signedIn: true });
    await page.waitForLoadState("networkidle");
    const stride = Math.floor((data.tokens.length - 200) / Math.max(count, 1));

    for (let index = 0; index < count; index += 1) {
      // Keyboard: a passage of four words, selected, then Enter opens the tag dialog.
      const first = 100 + index * stride;
      await page.evaluate(
        selectPassage(data.tokens[first]!.start16, data.tokens[first + 3]!.end16, true),
      );
      await nextFrame(page);
      await page.evaluate(armInteraction("popover", "keydown"));
      await page.keyboard.press("Enter");
      result.enterToPopover.push(await waitForInteraction(page, "shown"));

      // Tag it as a person would by keyboard: the dialog focuses its first choice, and
      // a label's key picks it (key 1: the first label of the first group). (A mouse click on a
      // label can miss: hovering one grows the definition box above the choices.)
      const popover = page.getByTestId("annotation-popover");
      await waitUntil(
        page,
        `document.activeElement?.closest('[data-testid="annotation-popover"]') !== null`,
      );
      await page.keyboard.press("1");
      await waitUntil(
        page,
        `document.querySelector('[data-testid="annotation-popover"] input[aria-keyshortcuts="1"]')?.checked === true`,
      );
      await page.evaluate(armInteraction("save", "click"));
      await popover.getByRole("button", { name: "Save highlight" }).click();
      result.clickToPending.push(await waitForInteraction(page, "shown"));
      result.clickToSaved.push(await waitForInteraction(page, "confirmed"));
      await waitUntil(
        page,
        "document.querySelector('[data-testid=\"annotator-status\"]')?.textContent === 'Highlight saved.'",
      );

      // Mouse: drag over another passage; the dialog opens on mouse-up.
      const other = first + 40;
      const box = (await page.evaluate(
        selectPassage(data.tokens[other]!.start16, data.tokens[other + 5]!.end16, false),
      )) as { x1: number; y1: number; x2: number; y2: number };
      await nextFrame(page);
      await page.evaluate(armInteraction("popover", "mouseup"));
      await page.mouse.move(box.x1, box.y1);
      await page.mouse.down();
      await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
      await page.mouse.move(box.x2, box.y2, { steps: 5 });
      await page.mouse.up();
      result.mouseUpToPopover.push(await waitForInteraction(page, "shown"));
      await page.keyboard.press("Escape");
      await popover.waitFor({ state: "detached" });
    }

    await waitUntil(
      page,
      `document.querySelectorAll('[data-testid="reader-text"] mark[data-ids]').length > 0 && !document.querySelector('mark[data-ids*="pending-"]')`,
    );
  } finally {
    await context.close();
  }

  return result;
}

// Polls an expression from outside the page. page.waitForFunction evaluates its predicate
// with eval inside the page, which the app's Content-Security-Policy (no 'unsafe-eval')
// refuses; page.evaluate goes through the DevTools protocol, which CSP does not govern.
async function waitUntil(page: Page, expression: string): Promise<void> {
  const deadline = Date.now() + waitTimeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${waitTimeoutMs / 1000} s waiting for: ${expression}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function nextFrame(page: Page) {
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))");
}

async function waitForInteraction(page: Page, field: "shown" | "confirmed"): Promise<number> {
  await waitUntil(page, `${readInteraction}.${field} > 0`);
  const timing = (await page.evaluate(readInteraction)) as {
    start: number | null;
    shown: number;
    confirmed: number;
  };
  if (timing.start === null) {
    throw new Error("The interaction's input event was not seen.");
  }
  return timing[field] - timing.start;
}

function report({
  samples,
  scrolls,
  interaction,
  data,
  expectedMarks,
  runs,
}: {
  samples: Map<LoadCase["key"], LoadSample[]>;
  scrolls: Map<LoadCase["key"], ScrollSample[]>;
  interaction: Awaited<ReturnType<typeof measureInteractions>>;
  data: BenchData;
  expectedMarks: number;
  runs: number;
}): AnnotatorBenchReport {
  const of = (key: LoadCase["key"]) => samples.get(key) ?? [];
  const painted = (key: LoadCase["key"]) => of(key).map((sample) => sample.paintedAt ?? NaN);
  const hydrated = (key: LoadCase["key"]) =>
    of(key)
      .map((sample) => sample.hydratedAt)
      .filter((value): value is number => value !== null && value > 0);
  const responseStart = (key: LoadCase["key"]) =>
    of(key).map((sample) => sample.navigation.responseStart);
  const highlights = data.highlights.length.toLocaleString("en");

  const rows: BenchRow[] = [
    summarize("(a) reader, no highlights: painted", painted("a")),
    summarize(`(b) reader, ${highlights} highlights: viewport's painted`, painted("b")),
    summarize("(c) Recogito SPANS: highlights painted", painted("SPANS")),
    summarize("(c) Recogito CSS_HIGHLIGHTS: highlights painted", painted("CSS_HIGHLIGHTS")),
    summarize("static page, text only: painted", painted("static")),
    summarize("(a) reader, no highlights: hydrated", hydrated("a")),
    summarize(`(b) reader, ${highlights} highlights: hydrated`, hydrated("b")),
    summarize("(a) server: first byte of the page", responseStart("a")),
    summarize("(b) server: first byte of the page", responseStart("b")),
    summarize("(d) Save click → new mark painted", interaction.clickToPending),
    summarize("(d) Save click → saved (server answered) painted", interaction.clickToSaved),
    summarize("selection + Enter → tag dialog painted", interaction.enterToPopover),
    summarize("selection by mouse-up → tag dialog painted", interaction.mouseUpToPopover),
  ];

  const scrollCases: [LoadCase["key"], string][] = [
    ["a", "reader, no highlights"],
    ["b", `reader, ${highlights} highlights`],
    ["SPANS", "Recogito SPANS"],
    ["CSS_HIGHLIGHTS", "Recogito CSS_HIGHLIGHTS"],
  ];
  for (const [key, name] of scrollCases) {
    rows.push(
      summarize(
        `scroll, ${name}: long tasks (ms total)`,
        (scrolls.get(key) ?? []).map((sample) => sample.longTaskMs),
      ),
    );
  }

  const floor = median(painted("a"));
  const withHighlights = median(painted("b"));
  const paintOverRecogito: Partial<Record<RecogitoKey, number>> = {};
  const notes: string[] = [];
  const verdict = (isMet: boolean) => (isMet ? "met" : "NOT met");

  const paintOverFloor = withHighlights / floor;
  notes.push(
    `b/a = ${paintOverFloor.toFixed(2)} (aim ≤ 1.5: ${verdict(paintOverFloor <= 1.5)}); ` +
      `hydrated b/a = ${(median(hydrated("b")) / median(hydrated("a"))).toFixed(2)}.`,
  );
  for (const renderer of ["SPANS", "CSS_HIGHLIGHTS"] as const) {
    const recogito = median(painted(renderer));
    paintOverRecogito[renderer] = withHighlights / recogito;
    notes.push(
      `b/c (${renderer}) = ${(withHighlights / recogito).toFixed(2)} ` +
        `(aim: b faster than c, ratio < 1: ${verdict(withHighlights < recogito)}).`,
    );
  }

  const framewiseChecks = of("b").map((sample) => sample.framewise);
  const firstCheck = framewiseChecks[0];
  const isFramewiseSound = framewiseChecks.every(
    (check) =>
      check &&
      check.inViewport > 0 &&
      check.painted === check.inViewport &&
      check.missing === 0 &&
      check.misplaced === 0,
  );
  notes.push(
    `Reader (b): ${firstCheck?.painted ?? 0} painted = the ${firstCheck?.inViewport ?? 0} highlights in the viewport, ` +
      `${firstCheck?.misplaced ?? 0} off their text; ${firstCheck?.marks ?? 0} of the ${expectedMarks.toLocaleString("en")} ` +
      `<mark> runs of all ${highlights} highlights in the DOM after load (the rest are painted as their paragraphs ` +
      `come near the screen)${isFramewiseSound ? "" : " — CHECK FAILED on some run"}; ` +
      `the page's HTML was ${kilobytes(of("b")[0]?.htmlBytes)} (${kilobytes(of("a")[0]?.htmlBytes)} without highlights).`,
  );
  for (const renderer of ["SPANS", "CSS_HIGHLIGHTS"] as const) {
    const checks = of(renderer).map((sample) => sample.recogito);
    const first = checks[0];
    const isSound = checks.every(
      (check) =>
        check &&
        check.loaded === data.highlights.length &&
        check.misplaced === 0 &&
        check.painted > 0 &&
        check.painted === check.inViewport,
    );
    notes.push(
      `Recogito ${renderer}: ${first?.loaded ?? 0} annotations loaded, ${first?.misplaced ?? 0} off their quote, ` +
        `${first?.painted ?? 0} painted = the ${first?.inViewport ?? 0} in the viewport ` +
        `(it paints only what is on screen)${isSound ? "" : " — CHECK FAILED on some run"}.`,
    );
  }
  notes.push(
    `Main-thread long tasks until painted (hydrated for the reader), median ms: ` +
      (["a", "b", "SPANS", "CSS_HIGHLIGHTS"] as const)
        .map((key) => `${key} ${median(of(key).map((sample) => sample.longTaskMs)).toFixed(0)}`)
        .join(", ") +
      ".",
  );
  notes.push(
    `Scroll (120 frames top to bottom), worst frame gap median ms: ` +
      scrollCases
        .map(
          ([key, name]) =>
            `${name} ${median((scrolls.get(key) ?? []).map((sample) => sample.maxFrameGapMs)).toFixed(0)}`,
        )
        .join(", ") +
      ".",
  );
  notes.push(
    `${runs} measured loads per page after one warm-up; times from navigation start (performance.now()).`,
  );

  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    rows,
    notes,
    ratios: {
      paintOverFloor: round(paintOverFloor),
      paintOverRecogito: Object.fromEntries(
        Object.entries(paintOverRecogito).map(([key, value]) => [key, round(value)]),
      ),
    },
  };
}

function kilobytes(bytes: number | undefined): string {
  return bytes ? `${Math.round(bytes / 1024).toLocaleString("en")} KiB` : "unknown";
}

async function main() {
  const runsIndex = process.argv.indexOf("--runs");
  const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : undefined;
  const result = await runAnnotatorBench({ runs });
  for (const row of result.rows) {
    console.log(
      `${row.name.padEnd(56)} median ${row.medianMs.toFixed(1).padStart(8)} ms ` +
        `(min ${row.minMs.toFixed(1)}, max ${row.maxMs.toFixed(1)}, ${row.runs} runs)`,
    );
  }
  for (const note of result.notes) {
    console.log(note);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
