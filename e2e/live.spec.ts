import { expect, test, type APIRequestContext } from "@playwright/test";

import { startNextServer, type NextServer } from "../scripts/lib/next-server";

import { signInViaApi } from "./support/auth";
import { db, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor, selectWithMouse } from "./support/reader";

// Two `next start` instances on different ports share the e2e database: the one the runner
// started (A, the baseURL) and a second one started here from the same build (B). Live
// events travel between them through Postgres LISTEN/NOTIFY only.

const text =
  "The minister's reckless plan will devastate families, critics say. Officials insist the budget is balanced and fair.";

type Received = { id: string | null; data: Record<string, unknown>; at: number };

let instanceB: NextServer;

// One second server for the file: its tests run one after the other in one worker.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instanceB = await startNextServer({
    env: {
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      FRAMEWISE_DIST_DIR: process.env.FRAMEWISE_DIST_DIR,
    },
  });
});

test.afterAll(async () => {
  await instanceB?.stop();
});

async function cookieHeader(request: APIRequestContext) {
  const { cookies } = await request.storageState();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

// Subscribes to a document's event stream with fetch, parsing it the way EventSource does.
async function subscribe(url: string, cookie: string, lastEventId?: string) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: {
      cookie,
      accept: "text/event-stream",
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const events: Received[] = [];
  let raw = "";
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const chunk = decoder.decode(value, { stream: true });
        raw += chunk;
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) id = line.slice(4);
            if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length > 0) {
            events.push({
              id,
              data: JSON.parse(data.join("\n")) as Record<string, unknown>,
              at: Date.now(),
            });
          }
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted.
    }
  })();
  return {
    events,
    get raw() {
      return raw;
    },
    close: () => abort.abort(),
    async waitFor(predicate: (event: Received) => boolean, what: string, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No ${what} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const annotationIdOf = (event: Received) =>
  (event.data.annotation as { id?: string } | undefined)?.id;

async function saveHighlight(request: APIRequestContext, documentId: string, phrase: string) {
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
  const response = await request.post(`/api/v1/documents/${documentId}/annotations`, {
    data: { start, end: start + Array.from(phrase).length, exact: phrase },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { annotation: { id: string } }).annotation.id;
}

test("[live] a highlight saved through instance A reaches instance B's stream and browser; Last-Event-ID replays exactly what was missed", async ({
  request,
  browser,
}) => {
  const [teacher, student] = await Promise.all([
    makeUser("Live Teacher"),
    makeUser("Live Student"),
  ]);
  const workspace = await makeWorkspace([
    { userId: teacher.id, role: "OWNER" },
    { userId: student.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, teacher.id, "Live article", text);
  await signInViaApi(request, student.email, student.password);

  // The teacher reads the document in a browser connected to instance B.
  const context = await browser.newContext({ baseURL: instanceB.url });
  const page = await context.newPage();
  await signInViaApi(page.request, teacher.email, teacher.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${document.id}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const teacherCookie = await cookieHeader(page.request);
  const streamUrl = `${instanceB.url}/api/v1/documents/${document.id}/events`;
  const stream = await subscribe(streamUrl, teacherCookie);

  const started = Date.now();
  const first = await saveHighlight(request, document.id, "reckless plan");
  const arrived = await stream.waitFor(
    (event) => annotationIdOf(event) === first,
    "highlight at B",
  );
  expect(arrived.at - started).toBeLessThan(3_000);
  await expect(highlightFor(page, "reckless plan")).toBeVisible({ timeout: 5_000 });
  expect(new URL(page.url()).port).toBe(String(instanceB.port));

  // Disconnect, miss three highlights, reconnect to B with Last-Event-ID.
  stream.close();
  const missed: string[] = [];
  for (const phrase of ["devastate families", "critics say", "Officials insist"]) {
    missed.push(await saveHighlight(request, document.id, phrase));
  }
  const again = await subscribe(streamUrl, teacherCookie, arrived.id!);
  await again.waitFor((event) => annotationIdOf(event) === missed[2], "the last missed highlight");
  const live = await saveHighlight(request, document.id, "budget is balanced");
  await again.waitFor(
    (event) => annotationIdOf(event) === live,
    "a live highlight after the replay",
  );

  const withIds = again.events.filter((event) => event.id !== null);
  expect(withIds.map(annotationIdOf)).toEqual([...missed, live]);
  expect(new Set(withIds.map((event) => event.id)).size).toBe(withIds.length);
  again.close();

  // The open browser page on B got every one of them too, without a reload.
  for (const phrase of [
    "devastate families",
    "critics say",
    "Officials insist",
    "budget is balanced",
  ]) {
    await expect(highlightFor(page, phrase)).toBeVisible();
  }
  await context.close();
});

test("[live] in a blind assignment a student's stream and API never carry a classmate's highlight", async ({
  playwright,
  baseURL,
}) => {
  const [teacher, ana, ben] = await Promise.all([
    makeUser("Blind Teacher"),
    makeUser("Blind Ana"),
    makeUser("Blind Ben"),
  ]);
  const workspace = await makeWorkspace([
    { userId: teacher.id, role: "OWNER" },
    { userId: ana.id, role: "ANNOTATOR" },
    { userId: ben.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, teacher.id, "Blind article", text);
  await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Blind week",
      mode: "BLIND",
      documents: { create: { documentId: document.id } },
    },
  });

  const anaRequest = await playwright.request.newContext({ baseURL });
  const benRequest = await playwright.request.newContext({ baseURL });
  await signInViaApi(anaRequest, ana.email, ana.password);
  await signInViaApi(benRequest, ben.email, ben.password);

  const anaStream = await subscribe(
    `${instanceB.url}/api/v1/documents/${document.id}/events`,
    await cookieHeader(anaRequest),
  );
  const bens = await saveHighlight(benRequest, document.id, "critics say");
  const anas = await saveHighlight(anaRequest, document.id, "reckless plan");

  // Hers was saved after his: once hers arrives, his would already have.
  await anaStream.waitFor((event) => annotationIdOf(event) === anas, "Ana's own highlight");
  expect(anaStream.events.some((event) => annotationIdOf(event) === bens)).toBe(false);
  expect(anaStream.raw).not.toContain(bens);
  expect(anaStream.raw).not.toContain("critics say");
  anaStream.close();

  // Replaying from the start does not bring it either.
  const replay = await subscribe(
    `${instanceB.url}/api/v1/documents/${document.id}/events`,
    await cookieHeader(anaRequest),
    "1",
  );
  await replay.waitFor((event) => annotationIdOf(event) === anas, "Ana's highlight in the replay");
  expect(replay.raw).not.toContain(bens);
  replay.close();

  const listed = (await (
    await anaRequest.get(`/api/v1/documents/${document.id}/annotations`)
  ).json()) as {
    annotations: { id: string }[];
  };
  expect(listed.annotations.map((annotation) => annotation.id)).toEqual([anas]);
  const thread = await anaRequest.get(`/api/v1/annotations/${bens}/comments`);
  expect(thread.status()).toBe(404);

  // Outsiders get no stream at all.
  const stranger = await playwright.request.newContext({ baseURL });
  const outsider = await makeUser("Stranger");
  await signInViaApi(stranger, outsider.email, outsider.password);
  const refused = await fetch(`${instanceB.url}/api/v1/documents/${document.id}/events`, {
    headers: { cookie: await cookieHeader(stranger) },
  });
  expect(refused.status).toBe(404);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
    /not found/,
  );

  await Promise.all([anaRequest.dispose(), benRequest.dispose(), stranger.dispose()]);
});

test("[live] an open page survives an app restart: it reconnects with Last-Event-ID and shows what it missed, without a reload", async ({
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  const [teacher, student] = await Promise.all([
    makeUser("Restart Teacher"),
    makeUser("Restart Student"),
  ]);
  const workspace = await makeWorkspace([
    { userId: teacher.id, role: "OWNER" },
    { userId: student.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, teacher.id, "Restart article", text);
  await signInViaApi(request, student.email, student.password);

  const context = await browser.newContext({ baseURL: instanceB.url });
  const page = await context.newPage();
  await signInViaApi(page.request, teacher.email, teacher.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${document.id}`);
  const liveStatus = page.getByTestId("live-status");
  await expect(liveStatus).toHaveAttribute("data-status", "live");
  await saveHighlight(request, document.id, "reckless plan");
  await expect(highlightFor(page, "reckless plan")).toBeVisible({ timeout: 5_000 });
  // Gone after a reload; still there at the end proves the page was never reloaded.
  await page.evaluate(() => {
    (window as unknown as { framewiseNoReload: boolean }).framewiseNoReload = true;
  });

  // The app process behind the page dies; highlights are saved through A meanwhile.
  process.kill(instanceB.pid, "SIGKILL");
  await expect(liveStatus).toHaveAttribute("data-status", "reconnecting");
  await saveHighlight(request, document.id, "devastate families");
  await saveHighlight(request, document.id, "critics say");

  instanceB = await startNextServer({
    port: instanceB.port,
    env: {
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      FRAMEWISE_DIST_DIR: process.env.FRAMEWISE_DIST_DIR,
    },
  });

  await expect(liveStatus).toHaveAttribute("data-status", "live", { timeout: 30_000 });
  for (const phrase of ["reckless plan", "devastate families", "critics say"]) {
    await expect(highlightFor(page, phrase)).toBeVisible({ timeout: 10_000 });
  }
  await saveHighlight(request, document.id, "budget is balanced");
  await expect(highlightFor(page, "budget is balanced")).toBeVisible({ timeout: 5_000 });
  expect(
    await page.evaluate(
      () => (window as unknown as { framewiseNoReload?: boolean }).framewiseNoReload,
    ),
  ).toBe(true);
  await context.close();
});

test("[live] an edit of the text saved on instance A reaches a reader on instance B: new text, re-anchored highlights, the open popover keeps its input", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const [teacher, sam, tia] = await Promise.all([
    makeUser("Edit Teacher"),
    makeUser("Sam Reader"),
    makeUser("Tia Classmate"),
  ]);
  const workspace = await makeWorkspace([
    { userId: teacher.id, role: "OWNER" },
    { userId: sam.id, role: "ANNOTATOR" },
    { userId: tia.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, teacher.id, "Edited live", text);
  await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Blind edit week",
      mode: "BLIND",
      documents: { create: { documentId: document.id } },
    },
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: sam.id,
    text,
    phrase: "reckless plan",
    labelIds: [],
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: tia.id,
    text,
    phrase: "critics say",
    labelIds: [],
  });
  const path = `/workspaces/${workspace.id}/documents/${document.id}`;

  // Sam reads on instance B and starts tagging a passage.
  const samContext = await browser.newContext({ baseURL: instanceB.url });
  const samPage = await samContext.newPage();
  await signInViaApi(samPage.request, sam.email, sam.password);
  await samPage.goto(path);
  await expect(samPage.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(highlightFor(samPage, "reckless plan")).toBeVisible();
  await selectWithMouse(samPage, "budget is balanced");
  const popover = samPage.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover).toBeVisible();
  await popover.getByLabel("Comment").fill("Is it, though?");

  // The teacher edits the text on instance A (the runner's server).
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await signInViaApi(teacherPage.request, teacher.email, teacher.password);
  await teacherPage.goto(`${path}/edit`);
  const revised = `Breaking news. ${text.replace("Officials insist", "The treasury claims")}`;
  await expect(samPage.getByRole("heading", { level: 1 })).toHaveText("Edited live");
  await teacherPage.getByLabel("Title", { exact: true }).fill("Edited live, revised");
  await teacherPage.getByLabel("Text", { exact: true }).fill(revised);
  await teacherPage.getByRole("button", { name: "Save changes" }).click();
  await expect(teacherPage.getByTestId("edit-summary")).toBeVisible();

  // Sam's page, without a reload: the new text, Sam's highlight moved with its words,
  // still no classmate's highlight (blind), and the popover with what Sam typed.
  await expect(samPage.getByTestId("text-changed-notice")).toContainText("now version 2", {
    timeout: 5_000,
  });
  await expect(samPage.getByRole("heading", { level: 1 })).toHaveText("Edited live, revised");
  await expect(samPage.getByTestId("reader-text")).toContainText("Breaking news.");
  await expect(samPage.getByTestId("reader-text")).toContainText("The treasury claims");
  await expect(highlightFor(samPage, "reckless plan")).toBeVisible();
  await expect(highlightFor(samPage, "critics say")).toHaveCount(0);
  await expect(popover).toBeVisible();
  await expect(popover.getByTestId("popover-notice")).toContainText("moved with its words");
  await expect(popover.getByLabel("Comment")).toHaveValue("Is it, though?");
  await expect(popover.locator("blockquote")).toHaveText("budget is balanced");

  // Saving it works against the new version (the keyboard, as a person would).
  await popover.getByRole("button", { name: "Save highlight" }).focus();
  await samPage.keyboard.press("Enter");
  await expect(samPage.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await samPage.reload();
  await expect(highlightFor(samPage, "budget is balanced")).toBeVisible();
  await expect(highlightFor(samPage, "reckless plan")).toBeVisible();

  await samContext.close();
  await teacherContext.close();
});

test("[live] the instructor's assignment page and the document list show which student is reading which document", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const [teacher, sam] = await Promise.all([makeUser("Presence Teacher"), makeUser("Sam Present")]);
  const workspace = await makeWorkspace([
    { userId: teacher.id, role: "OWNER" },
    { userId: sam.id, role: "ANNOTATOR" },
  ]);
  const [first, second] = await Promise.all([
    makeDocument(workspace.id, teacher.id, "First article", text),
    makeDocument(workspace.id, teacher.id, "Second article", text),
  ]);
  const assignment = await db().assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Presence week",
      mode: "BLIND",
      documents: {
        create: [
          { documentId: first.id, position: 0 },
          { documentId: second.id, position: 1 },
        ],
      },
    },
    select: { id: true },
  });

  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await signInViaApi(teacherPage.request, teacher.email, teacher.password);
  await teacherPage.goto(`/workspaces/${workspace.id}/assignments/${assignment.id}`);
  const presence = teacherPage.getByTestId("assignment-presence");
  await expect(presence.getByRole("heading", { name: "Who is reading now" })).toBeVisible();
  const secondRow = presence.getByRole("listitem").filter({ hasText: "Second article" });
  await expect(secondRow).toContainText("Nobody is reading it now.");

  // Sam opens the second article on instance B.
  const samContext = await browser.newContext({ baseURL: instanceB.url });
  const samPage = await samContext.newPage();
  await signInViaApi(samPage.request, sam.email, sam.password);
  await samPage.goto(`/workspaces/${workspace.id}/documents/${second.id}`);
  await expect(samPage.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  await expect(secondRow).toContainText("Reading now: Sam Present", { timeout: 5_000 });
  await expect(presence.getByRole("listitem").filter({ hasText: "First article" })).toContainText(
    "Nobody is reading it now.",
  );

  // The workspace's document list says the same, in words.
  await teacherPage.goto(`/workspaces/${workspace.id}`);
  const listRow = teacherPage.getByRole("listitem").filter({ hasText: "Second article" });
  await expect(listRow.getByTestId("document-readers")).toHaveText(/Reading now: Sam Present/);

  // Sam leaves: the teacher's list empties without a reload.
  await samContext.close();
  await expect(listRow.getByTestId("document-readers")).toHaveCount(0, { timeout: 10_000 });
  await teacherContext.close();
});
