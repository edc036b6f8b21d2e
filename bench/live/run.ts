import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { hashPassword } from "../../lib/auth/password";
import { newsroomReviewPreset } from "../../lib/codebooks/presets/newsroom-review";
import { createPrismaClient } from "../../lib/db/client";
import { createCodebookFromPreset } from "../../lib/server/codebook/create-codebook-from-preset";
import { hashText } from "../../lib/text/hash-text";
import { run, type Env } from "../../scripts/lib/run-command";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { computeSourceHash } from "../../scripts/lib/source-hash";
import { acquireTestPostgres } from "../../scripts/lib/test-postgres";
import { percentile, readLoadAverage, readOption, sampleProcessTree } from "../lib/measure";
import { inBatches, signIn } from "../lib/sign-in";

// `npm run bench -- --only live` (or `npx tsx bench/live/run.ts --seconds 20`): 200 readers
// hold a document's Server-Sent Events stream open while 30 annotators each save one
// highlight a second, against a production build on one Postgres. `--dist .next-e2e` reuses
// an existing build of the same sources instead of building. Reports delivery
// latency from the moment a save is sent to the moment each reader receives it, lost and
// duplicated events (both must be 0), the save round trip, and the server's CPU and RSS.
// Aim (issue 5): p95 delivery under 250 ms on a 2-core machine.

export type LiveBenchOptions = {
  runs?: number;
  seconds?: number;
  // Saves in the first seconds (cold code paths, JIT) are made but not measured.
  warmupSeconds?: number;
  clients?: number;
  writers?: number;
  log?: (message: string) => void;
};

type Receipt = Map<string, number[]>;

const benchDistDir = path.join(".framewise", "next-bench-live");
const root = process.cwd();
const password = "live bench password";

// The bench's own production build under .framewise/ (ignored by git, lint and tsc),
// rebuilt only when the sources changed.
async function buildIfStale(env: Env, log: (message: string) => void) {
  const stamp = path.join(root, benchDistDir, "framewise-source-hash");
  const hash = await computeSourceHash(root);
  if (
    (await readFile(stamp, "utf8").catch(() => "")).trim() === hash &&
    existsSync(path.join(root, benchDistDir, "BUILD_ID"))
  ) {
    log(`The build in ${benchDistDir} is current.`);
    return;
  }
  log(`Building into ${benchDistDir} (production build; minutes on 2 cores)…`);
  const tsconfigPath = path.join(root, "tsconfig.json");
  const tsconfig = await readFile(tsconfigPath, "utf8");
  const result = await run(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    ...env,
    NODE_ENV: "production",
    FRAMEWISE_DIST_DIR: benchDistDir,
    FRAMEWISE_SKIP_BUILD_TYPECHECK: "1",
  });
  // `next build` adds its dist folder to tsconfig.json; that edit is not the bench's to keep.
  if ((await readFile(tsconfigPath, "utf8")) !== tsconfig) {
    await writeFile(tsconfigPath, tsconfig);
  }
  if (result.code !== 0) {
    throw new Error("The production build failed; see the messages above.");
  }
  await writeFile(stamp, hash);
}

function makeText(words: number): string {
  const vocabulary =
    "the minister said reckless plan critics budget families officials insist balanced region growth taxes schools hospitals council vote report sources claim".split(
      " ",
    );
  const out: string[] = [];
  for (let index = 0; index < words; index += 1) {
    out.push(vocabulary[(index * 7 + (index >> 3)) % vocabulary.length]!);
    if (index % 18 === 17) {
      out[out.length - 1] += ".";
    }
  }
  return out.join(" ");
}

async function seed(databaseUrl: string, clients: number, writers: number) {
  const db = createPrismaClient(databaseUrl);
  try {
    const passwordHash = await hashPassword(password);
    const stamp = Date.now().toString(36);
    const users = Array.from({ length: clients + writers + 1 }, (_, index) => ({
      email: `live-${stamp}-${index}@example.org`,
      name: index === 0 ? "Bench Teacher" : `${index <= clients ? "Reader" : "Writer"} ${index}`,
      passwordHash,
    }));
    await db.user.createMany({ data: users });
    const rows = await db.user.findMany({
      where: { email: { in: users.map((user) => user.email) } },
      select: { id: true, email: true },
    });
    const byEmail = new Map(rows.map((row) => [row.email, row.id]));
    const ids = users.map((user) => byEmail.get(user.email)!);
    const text = makeText(4_000);

    const { workspaceId, documentId } = await db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: {
          name: "Live bench class",
          kind: "CLASS",
          members: {
            create: ids.map((userId, index) => ({
              userId,
              role: index === 0 ? ("OWNER" as const) : ("ANNOTATOR" as const),
            })),
          },
        },
        select: { id: true },
      });
      await createCodebookFromPreset({
        tx,
        workspaceId: workspace.id,
        preset: newsroomReviewPreset,
        isDefault: true,
      });
      const document = await tx.document.create({
        data: {
          workspaceId: workspace.id,
          createdById: ids[0]!,
          title: "Live article",
          text,
          textHash: hashText(text),
        },
        select: { id: true },
      });
      // An open assignment: the class rules run for every event, as in a real class.
      await tx.assignment.create({
        data: {
          workspaceId: workspace.id,
          title: "Live week",
          mode: "OPEN",
          documents: { create: { documentId: document.id } },
        },
      });
      return { workspaceId: workspace.id, documentId: document.id };
    });

    return {
      workspaceId,
      documentId,
      text,
      readers: users.slice(1, clients + 1).map((user) => user.email),
      writers: users.slice(clients + 1).map((user) => user.email),
    };
  } finally {
    await db.$disconnect();
  }
}

// Signs in through next-auth's credentials endpoint, as the e2e helper does, and returns
// the session cookie.
// One reader: a raw HTTP connection to the stream. Only the highlight id is pulled out of
// each event (a regular expression, not JSON.parse), to keep the bench's own CPU low.
function openReader(url: URL, cookie: string, receipts: Receipt): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { cookie, accept: "text/event-stream" }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`The stream answered ${response.statusCode}`));
          return;
        }
        response.setEncoding("utf8");
        let buffer = "";
        response.on("data", (chunk: string) => {
          const now = performance.timeOrigin + performance.now();
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes('"kind":"annotation.created"')) {
              const id = /"annotation":\{"id":"([a-z0-9]+)"/.exec(block)?.[1];
              if (id) {
                const times = receipts.get(id);
                if (times) {
                  times.push(now);
                } else {
                  receipts.set(id, [now]);
                }
              }
            }
            end = buffer.indexOf("\n\n");
          }
        });
        resolve(() => request.destroy());
      },
    );
    request.on("error", (error) => {
      if (!request.destroyed) {
        reject(error);
      }
    });
  });
}

export async function runLiveBench(options: LiveBenchOptions = {}) {
  const seconds = options.seconds ?? Number(readOption("--seconds") ?? 60);
  const clients = options.clients ?? Number(readOption("--clients") ?? 200);
  const writers = options.writers ?? Number(readOption("--writers") ?? 30);
  const warmupSeconds = options.warmupSeconds ?? Number(readOption("--warmup") ?? 5);
  const log = options.log ?? ((message: string) => console.log(`[bench:live] ${message}`));
  if (![seconds, clients, writers].every((value) => Number.isInteger(value) && value > 0)) {
    throw new Error("--seconds, --clients and --writers must be whole numbers above 0.");
  }

  const postgres = await acquireTestPostgres(log);
  let databaseUrl: string | undefined;
  let server: NextServer | undefined;
  const closers: (() => void)[] = [];

  try {
    databaseUrl = await postgres.createDatabase("framewise_bench_live");
    const data = await seed(databaseUrl, clients, writers);
    // --dist <dir>: an existing production build of the same sources (for example the
    // browser tests' .next-e2e), to skip building on a busy machine.
    const existingDist = readOption("--dist");
    const env = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      FRAMEWISE_DIST_DIR: existingDist ?? benchDistDir,
    };
    if (existingDist) {
      if (!existsSync(path.join(root, existingDist, "BUILD_ID"))) {
        throw new Error(`${existingDist} holds no production build (no BUILD_ID).`);
      }
      log(`Using the existing build in ${existingDist}.`);
    } else {
      await buildIfStale(env, log);
    }
    server = await startNextServer({ env });
    log(`Server on ${server.url} (pid ${server.pid}). Signing in ${clients + writers} people…`);

    const readerCookies = await inBatches(data.readers, 4, (email) =>
      signIn(server!.url, email, password),
    );
    const writerCookies = await inBatches(data.writers, 4, (email) =>
      signIn(server!.url, email, password),
    );

    const perClient: Receipt[] = readerCookies.map(() => new Map());
    const streamUrl = new URL(`${server.url}/api/v1/documents/${data.documentId}/events`);
    log(`Opening ${clients} event streams…`);
    const opened = await inBatches(
      readerCookies.map((cookie, index) => ({ cookie, receipts: perClient[index]! })),
      20,
      (reader) => openReader(streamUrl, reader.cookie, reader.receipts),
    );
    closers.push(...opened);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const codePoints = Array.from(data.text);
    const sent = new Map<string, number>();
    const saveTimes: number[] = [];
    let failedSaves = 0;
    let random = 42;
    const next = () => {
      random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
      return random / 2 ** 31;
    };

    const warm = new Set<string>();

    async function save(writer: number, isWarmup: boolean) {
      const start = Math.floor(next() * (codePoints.length - 40));
      const end = start + 5 + Math.floor(next() * 30);
      const exact = codePoints.slice(start, end).join("");
      if (!exact.trim() || /^\s|\s$/.test(exact)) {
        return save(writer, isWarmup);
      }
      const began = performance.timeOrigin + performance.now();
      const response = await fetch(
        `${server!.url}/api/v1/documents/${data.documentId}/annotations`,
        {
          method: "POST",
          headers: { "content-type": "application/json", cookie: writerCookies[writer]! },
          body: JSON.stringify({ start, end, exact }),
        },
      );
      const body = (await response.json()) as { annotation?: { id: string } };
      if (!isWarmup) {
        saveTimes.push(performance.timeOrigin + performance.now() - began);
      }
      if (response.status !== 201 || !body.annotation) {
        failedSaves += 1;
        return;
      }
      sent.set(body.annotation.id, began);
      if (isWarmup) {
        warm.add(body.annotation.id);
      }
    }

    log(
      `${writers} writers, one highlight a second each, for ${warmupSeconds} s of warm-up and ${seconds} s measured…`,
    );
    const loadBefore = await readLoadAverage();
    const cpuSamples: number[] = [];
    const rssSamples: number[] = [];
    const ticksPerSecond = 100;
    let previous = await sampleProcessTree(server.pid);
    let previousAt = Date.now();
    const sampler = setInterval(() => {
      void sampleProcessTree(server!.pid).then((sample) => {
        const now = Date.now();
        cpuSamples.push(
          ((sample.ticks - previous.ticks) / ticksPerSecond / ((now - previousAt) / 1000)) * 100,
        );
        rssSamples.push(sample.rssKb / 1024);
        previous = sample;
        previousAt = now;
      });
    }, 1_000);

    const pending: Promise<void>[] = [];
    const startedAt = Date.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        await new Promise((resolve) => setTimeout(resolve, (writer * 1000) / writers));
        for (let tick = 0; tick < warmupSeconds + seconds; tick += 1) {
          const due = startedAt + (writer * 1000) / writers + tick * 1000;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
          pending.push(save(writer, tick < warmupSeconds).catch(() => void (failedSaves += 1)));
        }
      }),
    );
    await Promise.all(pending);
    log("Writers done; waiting 5 s for the last deliveries…");
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    clearInterval(sampler);
    const loadAfter = await readLoadAverage();

    // When each event row was written (inside the save's transaction, just before commit),
    // to separate the fan-out (row written → reader receives) from the save itself.
    const db = createPrismaClient(databaseUrl);
    const written = new Map<string, number>();
    try {
      const rows = await db.liveEvent.findMany({
        where: { kind: "annotation.created", documentId: data.documentId },
        select: { payload: true, createdAt: true },
      });
      for (const row of rows) {
        const id = (row.payload as { annotation?: { id?: string } }).annotation?.id;
        if (id) {
          written.set(id, row.createdAt.getTime());
        }
      }
    } finally {
      await db.$disconnect();
    }

    const latencies: number[] = [];
    const fanout: number[] = [];
    let lost = 0;
    let duplicates = 0;
    for (const client of perClient) {
      for (const [id, began] of sent) {
        const times = client.get(id);
        if (!times) {
          lost += 1;
          continue;
        }
        duplicates += times.length - 1;
        if (warm.has(id)) {
          continue;
        }
        latencies.push(times[0]! - began);
        const at = written.get(id);
        if (at !== undefined) {
          fanout.push(times[0]! - at);
        }
      }
    }
    latencies.sort((a, b) => a - b);
    fanout.sort((a, b) => a - b);
    saveTimes.sort((a, b) => a - b);
    const cpuDuringWrites = cpuSamples.slice(warmupSeconds, -5);

    const row = {
      clients,
      writers,
      seconds,
      saves: sent.size - warm.size,
      warmup_saves: warm.size,
      failed_saves: failedSaves,
      deliveries: latencies.length,
      p50_ms: Math.round(percentile(latencies, 50)),
      p95_ms: Math.round(percentile(latencies, 95)),
      p99_ms: Math.round(percentile(latencies, 99)),
      max_ms: Math.round(latencies[latencies.length - 1] ?? Number.NaN),
      lost,
      duplicates,
      fanout_p50_ms: Math.round(percentile(fanout, 50)),
      fanout_p95_ms: Math.round(percentile(fanout, 95)),
      fanout_p99_ms: Math.round(percentile(fanout, 99)),
      save_p50_ms: Math.round(percentile(saveTimes, 50)),
      save_p95_ms: Math.round(percentile(saveTimes, 95)),
      server_cpu_avg_pct: Math.round(
        cpuDuringWrites.reduce((sum, value) => sum + value, 0) /
          Math.max(1, cpuDuringWrites.length),
      ),
      server_cpu_peak_pct: Math.round(Math.max(0, ...cpuSamples)),
      server_rss_peak_mb: Math.round(Math.max(0, ...rssSamples)),
    };

    return {
      rows: [row],
      notes: [
        `Delivery latency runs from the moment a writer sends its save to the moment a reader's socket receives the event (one clock: everything on this machine), so it includes the save itself (save_p50/p95).`,
        `Server CPU is the Next.js process tree (100% = one core; the machine has ${(await readFile("/proc/cpuinfo", "utf8")).split("\n").filter((line) => line.startsWith("processor")).length}); the readers, writers and Postgres share the same cores.`,
        `lost = (reader, saved highlight) pairs never received, over every save including the warm-up; duplicates = extra receipts. Both must be 0.`,
        `fanout = from the event row's insert (inside the save's transaction, just before its commit; Postgres clock, same machine) to receipt: NOTIFY, the hub's fetch, the class rules and the write to 200 sockets.`,
        `Machine load average (1, 5, 15 min) before the writers: ${loadBefore}; after: ${loadAfter}.`,
      ],
    };
  } finally {
    for (const close of closers) {
      close();
    }
    await server?.stop();
    if (databaseUrl) {
      await postgres.dropDatabase(databaseUrl);
    }
    await postgres.release();
  }
}

// Run directly: `npx tsx bench/live/run.ts --seconds 20`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runLiveBench()
    .then((result) => {
      console.log(JSON.stringify(result.rows[0], null, 2));
      for (const note of result.notes) {
        console.log(note);
      }
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
