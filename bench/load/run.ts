import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import autocannon from "autocannon";

import { hashPassword } from "../../lib/auth/password";
import { newsroomReviewPreset } from "../../lib/codebooks/presets/newsroom-review";
import { createPrismaClient } from "../../lib/db/client";
import { createCodebookFromPreset } from "../../lib/server/codebook/create-codebook-from-preset";
import {
  generateApiTokenSecret,
  getApiTokenPrefix,
  hashApiTokenSecret,
} from "../../lib/server/api-token/api-token-secret";
import { hashText } from "../../lib/text/hash-text";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { acquireTestPostgres } from "../../scripts/lib/test-postgres";
import { benchDistDir, buildAppIfStale } from "../annotator/build-app";
import { percentile, readLoadAverage, readOption, sampleProcessTree } from "../lib/measure";
import { inBatches, signIn } from "../lib/sign-in";

// `npm run bench -- --only load` (or `npx tsx bench/load/run.ts --seconds 20`): a class on a
// production build (`next start`, one Postgres) for a minute. 30 annotators save highlights
// through the JSON API with their own read-write tokens; 200 readers, signed in, load the
// document page and the annotation list. Reports throughput, p50/p95/p99 latency and
// errors per request kind, beside a static asset's throughput in the same run (the
// framework's ceiling). Aim (issue 9): no errors and p99 under 100 ms at the class mix.

export type LoadBenchOptions = {
  runs?: number;
  // Length of the measured class mix.
  seconds?: number;
  // Length of the ceiling run (static asset, as fast as it goes).
  ceilingSeconds?: number;
  annotators?: number;
  readers?: number;
  documents?: number;
  // Highlights already on each document when the mix starts.
  annotationsPerDocument?: number;
  // Requests per second from each annotator (saves) and each reader (page, list).
  saveRate?: number;
  pageRate?: number;
  listRate?: number;
  log?: (message: string) => void;
};

type Kind = "save highlight (POST, token)" | "document page (GET)" | "annotation list (GET)";

const password = "load bench password";

function readNumber(name: string): number | undefined {
  const value = readOption(name);
  return value === undefined ? undefined : Number(value);
}

function makeText(words: number, seed: number): string {
  const vocabulary =
    "the minister said reckless plan critics budget families officials insist balanced region growth taxes schools hospitals council vote report sources claim".split(
      " ",
    );
  const out: string[] = [];
  for (let index = 0; index < words; index += 1) {
    out.push(vocabulary[(index * 7 + seed + (index >> 3)) % vocabulary.length]!);
    if (index % 18 === 17) {
      out[out.length - 1] += ".";
    }
  }
  return out.join(" ");
}

// A deterministic generator (the same spans every run).
function createRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// A span of whole words, in code points (the texts are ASCII, so code points = UTF-16).
function pickSpan(text: string, random: () => number) {
  const from = Math.floor(random() * (text.length - 80));
  const start = text.indexOf(" ", from) + 1;
  const stop = text.indexOf(" ", start + 5 + Math.floor(random() * 30));
  return { start, end: stop, exact: text.slice(start, stop) };
}

type Seeded = {
  workspaceId: string;
  documents: { id: string; text: string }[];
  labelIds: string[];
  readerEmails: string[];
  annotatorTokens: string[];
};

async function seed(
  databaseUrl: string,
  options: Required<
    Pick<LoadBenchOptions, "annotators" | "readers" | "documents" | "annotationsPerDocument">
  >,
): Promise<Seeded> {
  const db = createPrismaClient(databaseUrl);
  try {
    const passwordHash = await hashPassword(password);
    const people = [
      { role: "OWNER" as const, name: "Load Teacher" },
      ...Array.from({ length: options.annotators }, (_, index) => ({
        role: "ANNOTATOR" as const,
        name: `Annotator ${index + 1}`,
      })),
      ...Array.from({ length: options.readers }, (_, index) => ({
        role: "ANNOTATOR" as const,
        name: `Reader ${index + 1}`,
      })),
    ].map((person, index) => ({ ...person, email: `load-${index}@example.org` }));
    await db.user.createMany({
      data: people.map(({ email, name }) => ({ email, name, passwordHash })),
    });
    const users = await db.user.findMany({ select: { id: true, email: true } });
    const idOf = new Map(users.map((user) => [user.email, user.id]));
    const ids = people.map((person) => idOf.get(person.email)!);
    const annotatorIds = ids.slice(1, options.annotators + 1);

    const workspace = await db.$transaction(async (tx) => {
      const created = await tx.workspace.create({
        data: {
          name: "Load bench class",
          kind: "CLASS",
          members: {
            create: people.map((person, index) => ({ userId: ids[index]!, role: person.role })),
          },
        },
        select: { id: true },
      });
      await createCodebookFromPreset({
        tx,
        workspaceId: created.id,
        preset: newsroomReviewPreset,
        isDefault: true,
      });
      return created;
    });

    const labels = await db.label.findMany({
      where: { dimension: { codebook: { workspaceId: workspace.id } } },
      select: { id: true, dimension: { select: { key: true } } },
      orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }],
    });
    // Single-choice dimensions take one label per highlight: stance only.
    const labelIds = labels
      .filter((label) => label.dimension.key === "stance")
      .map((label) => label.id);

    const random = createRandom(7);
    const documents: { id: string; text: string }[] = [];
    for (let index = 0; index < options.documents; index += 1) {
      const text = makeText(3_000, index);
      const document = await db.document.create({
        data: {
          workspaceId: workspace.id,
          createdById: ids[0]!,
          title: `Class article ${index + 1}`,
          text,
          textHash: hashText(text),
        },
        select: { id: true },
      });
      documents.push({ id: document.id, text });

      for (let made = 0; made < options.annotationsPerDocument; made += 1) {
        const span = pickSpan(text, random);
        const prefix = text.slice(Math.max(0, span.start - 32), span.start);
        const suffix = text.slice(span.end, span.end + 32);
        await db.annotation.create({
          data: {
            documentId: document.id,
            authorId: annotatorIds[made % annotatorIds.length]!,
            documentVersion: 1,
            ...span,
            prefix,
            suffix,
            labels: { create: [{ labelId: labelIds[made % labelIds.length]! }] },
          },
          select: { id: true },
        });
      }
    }

    // An open assignment over the documents: the class visibility rules run on every read.
    await db.assignment.create({
      data: {
        workspaceId: workspace.id,
        title: "Load week",
        mode: "OPEN",
        documents: { create: documents.map((document) => ({ documentId: document.id })) },
      },
    });

    const annotatorTokens = annotatorIds.map(() => generateApiTokenSecret());
    await db.apiToken.createMany({
      data: annotatorIds.map((userId, index) => ({
        userId,
        workspaceId: workspace.id,
        name: "Load bench",
        tokenHash: hashApiTokenSecret(annotatorTokens[index]!),
        prefix: getApiTokenPrefix(annotatorTokens[index]!),
        scope: "READ_WRITE" as const,
      })),
    });

    return {
      workspaceId: workspace.id,
      documents,
      labelIds,
      readerEmails: people.slice(options.annotators + 1).map((person) => person.email),
      annotatorTokens,
    };
  } finally {
    await db.$disconnect();
  }
}

// Signs in through next-auth's credentials endpoint, as a browser does, and returns the
// session cookie.
// A static file from the build, served by `next start` without the app's code.
async function findStaticAsset(): Promise<string> {
  const chunks = path.join(process.cwd(), benchDistDir, "static", "chunks");
  const file = (await readdir(chunks)).find((name) => name.endsWith(".js"));
  if (!file) {
    throw new Error(`No JavaScript chunk in ${chunks}.`);
  }
  return `/_next/static/chunks/${file}`;
}

type Measured = {
  kind: string;
  people: number;
  target_rps: number | "max";
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  statuses: string;
};

type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
};

type Load = {
  kind: Kind | "static asset (ceiling)";
  // People behind this kind of request; their credentials rotate over its requests.
  people: number;
  // Requests per second of the whole group; undefined = as fast as responses come.
  rate?: number;
  request: () => LoadRequest;
};

type Part = { times: number[]; errors: number; duration: number; statuses: Map<string, number> };

// One group of connections: autocannon at a fixed overall rate (or flat out). autocannon
// meters each connection per second, all from the moment the instance starts, so a rated
// load is split into parts started evenly over the first second; otherwise every request
// of the second would leave at once. Latency is each response's own time (autocannon's
// `response` event), so p95 is exact. A connection waits for its answer before its next
// request (closed loop): when the server falls behind, rps drops below target_rps.
function runPart(
  baseUrl: string,
  load: Load,
  connections: number,
  rate: number | undefined,
  seconds: number,
): Promise<Part> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 10,
        ...(rate === undefined ? {} : { overallRate: rate }),
        requests: [{ setupRequest: (request) => ({ ...request, ...load.request() }) }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          times,
          errors: result.errors + result.non2xx,
          duration: result.duration,
          statuses: new Map(
            Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
          ),
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
}

async function runLoad(baseUrl: string, load: Load, seconds: number): Promise<Measured> {
  const parts = load.rate === undefined ? 1 : Math.max(1, Math.min(10, Math.floor(load.rate)));
  const results = await Promise.all(
    Array.from({ length: parts }, async (_, part) => {
      await new Promise((resolve) => setTimeout(resolve, (part * 1_000) / parts));
      // Rates and people shared out over the parts as evenly as whole numbers allow.
      const share = (total: number) => Math.floor(total / parts) + (part < total % parts ? 1 : 0);
      const rate = load.rate === undefined ? undefined : share(Math.round(load.rate));
      return runPart(baseUrl, load, Math.max(1, share(load.people)), rate, seconds);
    }),
  );

  const times = results.flatMap((result) => result.times).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const result of results) {
    for (const [status, count] of result.statuses) {
      statuses.set(status, (statuses.get(status) ?? 0) + count);
    }
  }
  const duration = Math.max(...results.map((result) => result.duration));

  return {
    kind: load.kind,
    people: load.people,
    target_rps: load.rate === undefined ? "max" : Math.round(load.rate),
    requests: times.length,
    rps: Math.round((times.length / duration) * 10) / 10,
    p50_ms: Math.round(percentile(times, 50)),
    p95_ms: Math.round(percentile(times, 95)),
    p99_ms: Math.round(percentile(times, 99)),
    max_ms: Math.round(times[times.length - 1] ?? Number.NaN),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    statuses: [...statuses].map(([status, count]) => `${status}×${count}`).join(" "),
  };
}

export async function runLoadBench(options: LoadBenchOptions = {}) {
  const settings = {
    seconds: options.seconds ?? readNumber("--seconds") ?? 60,
    ceilingSeconds: options.ceilingSeconds ?? readNumber("--ceiling-seconds") ?? 10,
    annotators: options.annotators ?? readNumber("--annotators") ?? 30,
    readers: options.readers ?? readNumber("--readers") ?? 200,
    documents: options.documents ?? readNumber("--documents") ?? 3,
    annotationsPerDocument:
      options.annotationsPerDocument ?? readNumber("--annotations-per-document") ?? 300,
    saveRate: options.saveRate ?? readNumber("--save-rate") ?? 0.5,
    pageRate: options.pageRate ?? readNumber("--page-rate") ?? 0.1,
    listRate: options.listRate ?? readNumber("--list-rate") ?? 0.2,
  };
  const log = options.log ?? ((message: string) => console.log(`[bench:load] ${message}`));
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`--${name} must be a number above 0, not ${value}.`);
    }
  }

  const postgres = await acquireTestPostgres(log);
  let databaseUrl: string | undefined;
  let server: NextServer | undefined;

  try {
    databaseUrl = await postgres.createDatabase("framewise_bench_load");
    log(
      `Seeding a class: ${settings.annotators} annotators, ${settings.readers} readers, ${settings.documents} documents with ${settings.annotationsPerDocument} highlights each…`,
    );
    const data = await seed(databaseUrl, settings);
    const env = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      FRAMEWISE_DIST_DIR: benchDistDir,
    };
    await buildAppIfStale(env, log);
    server = await startNextServer({ env });
    const baseUrl = server.url;
    log(`Server on ${baseUrl} (pid ${server.pid}). Signing in ${settings.readers} readers…`);
    const cookies = await inBatches(data.readerEmails, 4, (email) =>
      signIn(baseUrl, email, password),
    );

    // Each request takes the next person (round robin), so every token and session is
    // used evenly; spans are random whole-word stretches of the document.
    const random = createRandom(42);
    let nextAnnotator = 0;
    let nextPageReader = 0;
    let nextListReader = 0;
    let nextDocument = 0;
    const pickDocument = () => data.documents[nextDocument++ % data.documents.length]!;
    const pageOf = (id: string) => `/workspaces/${data.workspaceId}/documents/${id}`;

    const saveRequest = () => {
      const document = pickDocument();
      const token = data.annotatorTokens[nextAnnotator++ % data.annotatorTokens.length]!;
      return {
        method: "POST" as const,
        path: `/api/v1/documents/${document.id}/annotations`,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          ...pickSpan(document.text, random),
          labelIds: [data.labelIds[Math.floor(random() * data.labelIds.length)]!],
        }),
      };
    };
    const pageRequest = () => ({
      method: "GET" as const,
      path: pageOf(pickDocument().id),
      headers: { cookie: cookies[nextPageReader++ % cookies.length]! },
    });
    const listRequest = () => ({
      method: "GET" as const,
      path: `/api/v1/documents/${pickDocument().id}/annotations`,
      headers: { cookie: cookies[nextListReader++ % cookies.length]! },
    });

    // Warm-up: every route compiled and its caches filled before anything is measured.
    log("Warming up…");
    for (let round = 0; round < 5; round += 1) {
      for (const make of [saveRequest, pageRequest, listRequest] as (() => LoadRequest)[]) {
        const { method, path: requestPath, headers, body } = make();
        const response = await fetch(`${baseUrl}${requestPath}`, { method, headers, body });
        if (!response.ok) {
          throw new Error(
            `Warm-up ${method} ${requestPath} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
          );
        }
        await response.arrayBuffer();
      }
    }

    const asset = await findStaticAsset();
    log(`Ceiling: ${asset} as fast as it goes for ${settings.ceilingSeconds} s…`);
    const ceiling = await runLoad(
      baseUrl,
      {
        kind: "static asset (ceiling)",
        people: 20,
        request: () => ({ method: "GET", path: asset, headers: {} }),
      },
      settings.ceilingSeconds,
    );

    log(`Class mix for ${settings.seconds} s…`);
    const loadBefore = await readLoadAverage();
    const cpuSamples: number[] = [];
    const rssSamples: number[] = [];
    let previous = await sampleProcessTree(server.pid);
    let previousAt = Date.now();
    const sampler = setInterval(() => {
      void sampleProcessTree(server!.pid).then((sample) => {
        const now = Date.now();
        cpuSamples.push(
          ((sample.ticks - previous.ticks) / 100 / ((now - previousAt) / 1000)) * 100,
        );
        rssSamples.push(sample.rssKb / 1024);
        previous = sample;
        previousAt = now;
      });
    }, 1_000);

    let mix: Measured[];
    try {
      const loads: Load[] = [
        {
          kind: "save highlight (POST, token)",
          people: settings.annotators,
          rate: settings.annotators * settings.saveRate,
          request: saveRequest,
        },
        {
          kind: "document page (GET)",
          people: settings.readers,
          rate: settings.readers * settings.pageRate,
          request: pageRequest,
        },
        {
          kind: "annotation list (GET)",
          people: settings.readers,
          rate: settings.readers * settings.listRate,
          request: listRequest,
        },
      ];
      mix = await Promise.all(loads.map((load) => runLoad(baseUrl, load, settings.seconds)));
    } finally {
      clearInterval(sampler);
    }
    const loadAfter = await readLoadAverage();
    const cpuCount = (await readFile("/proc/cpuinfo", "utf8"))
      .split("\n")
      .filter((line) => line.startsWith("processor")).length;
    const errors = mix.reduce((sum, row) => sum + row.errors, 0);
    const worstP99 = Math.max(...mix.map((row) => row.p99_ms));

    return {
      rows: [ceiling!, ...mix],
      server: [
        {
          server_cpu_avg_pct: Math.round(
            cpuSamples.reduce((sum, value) => sum + value, 0) / Math.max(1, cpuSamples.length),
          ),
          server_cpu_peak_pct: Math.round(Math.max(0, ...cpuSamples)),
          server_rss_peak_mb: Math.round(Math.max(0, ...rssSamples)),
          mix_rps: Math.round(mix.reduce((sum, row) => sum + row.rps, 0) * 10) / 10,
          errors,
          worst_p99_ms: worstP99,
        },
      ],
      notes: [
        `Aim: 0 errors and p99 < 100 ms for every kind of the class mix: ${errors === 0 && worstP99 < 100 ? "met" : "MISSED"} (${errors} errors, worst p99 ${worstP99} ms).`,
        `Class: ${settings.annotators} annotators saving ${settings.saveRate}/s each through the API with their own read-write tokens; ${settings.readers} readers (signed in) loading the document page ${settings.pageRate}/s and the annotation list ${settings.listRate}/s each; ${settings.documents} documents of 3,000 words with ${settings.annotationsPerDocument} highlights each at the start, in an open assignment; ${settings.seconds} s.`,
        `Latency is each response's time as autocannon's client saw it. Each kind runs at a fixed overall rate (people × rate per person; at most one request a second per connection, so a kind uses as many connections as its rate, spread over the second), and each request takes the next person's token or session in turn. A connection waits for its answer before its next request, so a server that falls behind shows as rps under target_rps.`,
        `The ceiling is a static chunk of the build served by next start with 20 connections, as fast as it goes, before the mix.`,
        `Server CPU: the next start process tree (100% = one core; ${cpuCount} cores, shared with Postgres and this load generator).`,
        `Machine load average (1, 5, 15 min) before the mix: ${loadBefore}; after: ${loadAfter}.`,
      ],
    };
  } finally {
    await server?.stop();
    if (databaseUrl) {
      await postgres.dropDatabase(databaseUrl);
    }
    await postgres.release();
  }
}

// Run directly: `npx tsx bench/load/run.ts --seconds 20`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runLoadBench()
    .then((result) => {
      console.table(result.rows);
      console.table(result.server);
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
