import { expect, test, type APIRequestContext } from "@playwright/test";

import { startNextServer, type NextServer } from "../scripts/lib/next-server";

import { signInViaApi } from "./support/auth";
import { db, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor } from "./support/reader";

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
