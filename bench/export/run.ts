import { readFile } from "node:fs/promises";
import { register } from "node:module";
import { pathToFileURL } from "node:url";

import pg from "pg";

// `npx tsx bench/export/run.ts [--annotations N] [--documents D]`: seeds N annotations
// (default 1,000,000 over 10,000 documents) into a fresh database on the local Postgres,
// then measures JSONL and CSV downloads through the real use case (streamExport) in rows
// per second and peak RSS, beside `COPY (SELECT …) TO STDOUT` of the same rows through pg,
// the floor no exporter can beat. Target: at least half of COPY's rate, peak RSS < 300 MB.
//
// The server URL comes from BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
// the bench creates its own database there and drops it at the end.

// lib/server modules import "server-only", whose default export throws outside React
// Server Components; Vitest aliases it, and so does this hook for the bench.
register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { if (specifier === "server-only") { return { url: "data:text/javascript,", shortCircuit: true }; } return next(specifier, context); }',
  )}`,
);

export type ExportBenchOptions = {
  annotations?: number;
  documents?: number;
  serverUrl?: string;
  // Leave the database in place afterwards (to look at query plans, or to rerun the
  // exports on it with `reuseDatabase`); its name is logged.
  keepDatabase?: boolean;
  // The name of a database an earlier run kept: its rows are exported again without
  // seeding (which takes minutes at a million annotations), and it is kept.
  reuseDatabase?: string;
  log?: (message: string) => void;
};

export type ExportBenchRun = {
  name: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  // CPU time of this process and of the database's server processes during the run (read
  // from /proc; null when Postgres runs elsewhere). On a busy machine wall-clock rates
  // swing with the load; CPU time does not.
  nodeCpuSeconds: number;
  postgresCpuSeconds: number | null;
};

export type ExportBenchResult = {
  annotations: number;
  documents: number;
  exportRows: number;
  seedSeconds: number;
  baselineRssMb: number;
  runs: ExportBenchRun[];
  // Each export's rate as a fraction of COPY's.
  ratios: Record<string, number>;
  meetsTarget: boolean;
};

export const targetRatio = 0.5;
export const targetPeakRssMb = 300;

const annotators = 12;

export async function runExportBench(options: ExportBenchOptions = {}): Promise<ExportBenchResult> {
  let annotationCount = options.annotations ?? 1_000_000;
  let documentCount = options.documents ?? Math.max(1, Math.round(annotationCount / 100));
  const serverUrl =
    options.serverUrl ??
    process.env.BENCH_DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  const log = options.log ?? (() => undefined);

  const isReused = options.reuseDatabase !== undefined;
  const databaseName = options.reuseDatabase ?? `framewise_bench_export_${Date.now().toString(36)}`;
  if (!/^framewise_bench_export_\w+$/.test(databaseName)) {
    throw new Error(`Only a database made by this bench can be reused, not "${databaseName}".`);
  }
  const databaseUrl = withDatabase(serverUrl, databaseName);
  if (!isReused) {
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
  }

  try {
    // The app's modules read DATABASE_URL once, on first use: set it before loading them.
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-only-secret-bench-only-secret-0000";

    const { migrate } = await import("../../lib/db/migrate");
    await migrate({ connectionString: databaseUrl });

    const seedStarted = performance.now();
    let seeded: Seeded;
    if (isReused) {
      seeded = { workspaceId, ownerId };
      [annotationCount, documentCount] = await countSeeded(databaseUrl);
      log(`Reusing the rows in ${databaseName}.`);
    } else {
      log(
        `Seeding ${annotationCount.toLocaleString("en")} annotations over ${documentCount.toLocaleString("en")} documents…`,
      );
      seeded = await seed(databaseUrl, annotationCount, documentCount);
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`Seeded in ${seedSeconds.toFixed(1)} s.`);

    const { streamExport } = await import("../../lib/server/export/stream-export");
    const { summarizeExport } = await import("../../lib/server/export/summarize-export");
    const { exportRequestSchema } = await import("../../lib/validations/export");
    // Everything, pseudonymised: the export a dataset user would take.
    const request = (format: "jsonl" | "csv") => ({
      userId: seeded.ownerId,
      workspaceId: seeded.workspaceId,
      request: exportRequestSchema.parse({ format }),
      baseUrl: "https://framewise.example.org",
    });
    // Rates are in export rows (annotation × dimension) for every run, COPY included, so
    // they compare the time taken for the same data.
    const { rows: exportRows } = await summarizeExport(request("jsonl"));
    const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
    const runs: ExportBenchRun[] = [];
    const monitor = new pg.Client({ connectionString: databaseUrl });
    await monitor.connect();

    try {
      runs.push(await measureCopy(databaseUrl, seeded.workspaceId, exportRows, monitor));
      log(describeRun(runs[runs.length - 1]!));

      for (const format of ["jsonl", "csv"] as const) {
        const run = await measure(
          `${format.toUpperCase()} export (streamExport)`,
          monitor,
          async () => {
            const download = await streamExport(request(format));
            const bytes = await drain(download.stream);
            return { rows: exportRows, bytes };
          },
        );
        runs.push(run);
        log(describeRun(run));
      }
    } finally {
      await monitor.end();
    }

    const copy = runs[0]!;
    const ratios = Object.fromEntries(
      runs.slice(1).map((run) => [run.name, run.rowsPerSecond / copy.rowsPerSecond]),
    );
    const meetsTarget = runs
      .slice(1)
      .every(
        (run) =>
          run.rowsPerSecond >= targetRatio * copy.rowsPerSecond && run.peakRssMb < targetPeakRssMb,
      );

    const { getDb } = await import("../../lib/db/client");
    await getDb().$disconnect();

    return {
      annotations: annotationCount,
      documents: documentCount,
      exportRows,
      seedSeconds,
      baselineRssMb,
      runs,
      ratios,
      meetsTarget,
    };
  } finally {
    await closeExportPool();
    if (options.keepDatabase || isReused) {
      log(`Kept the database ${databaseName} (rerun with --reuse ${databaseName}).`);
    } else {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    }
  }
}

type Seeded = { workspaceId: string; ownerId: string };

const workspaceId = "benchworkspace";
const ownerId = "benchuser0";

// Documents, annotations and labels in bulk SQL (INSERT … SELECT generate_series): a million
// rows in seconds, not hours; only the codebook goes through Prisma.
// Texts contain an emoji so code points and UTF-16 differ; offsets and quotes are cut by
// Postgres, which counts code points like the app does.
async function seed(url: string, annotationCount: number, documentCount: number): Promise<Seeded> {
  // The app's own client: the exports measured later reuse it, so the process holds one
  // Prisma engine, as a server does.
  const { getDb } = await import("../../lib/db/client");
  const { createCodebookFromPreset } =
    await import("../../lib/server/codebook/create-codebook-from-preset");
  const { newsroomReviewPreset } = await import("../../lib/codebooks/presets/newsroom-review");

  await getDb().$transaction(
    async (tx) => {
      await tx.user.createMany({
        data: Array.from({ length: annotators }, (_, index) => ({
          id: `benchuser${index}`,
          email: `bench-${index}@example.org`,
          name: `Bench Annotator ${index}`,
          passwordHash: "not-a-real-hash",
        })),
      });
      await tx.workspace.create({ data: { id: workspaceId, name: "Export bench" } });
      await tx.membership.createMany({
        data: Array.from({ length: annotators }, (_, index) => ({
          workspaceId,
          userId: `benchuser${index}`,
          role: index === 0 ? ("OWNER" as const) : ("ANNOTATOR" as const),
        })),
      });
      await createCodebookFromPreset({
        tx,
        workspaceId,
        preset: newsroomReviewPreset,
        isDefault: true,
      });
      // A busy machine can take longer than Prisma's 5 s default for these inserts.
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Document" (id, "workspaceId", "createdById", title, text, "textHash", outlet, "updatedAt")
       SELECT 'd' || lpad(i::text, 7, '0'), $1, $2, 'Article ' || i, t.text,
         encode(sha256(convert_to(t.text, 'UTF8')), 'hex'), (ARRAY['Wire', 'Blog', 'Daily'])[1 + i % 3], now()
       FROM generate_series(1, $3::int) AS i
       CROSS JOIN LATERAL (
         SELECT 'Article ' || i || E'\n\n' || repeat(
           'The minister hailed a historic 🔹 victory for ordinary families, critics say. ', 20) AS text
       ) AS t`,
      [workspaceId, ownerId, documentCount],
    );

    // Annotation n belongs to document 1 + n % D and to annotator n % 12; one in a hundred
    // is orphaned, one in seven a suggestion, one in ten has a comment.
    await client.query(
      `INSERT INTO "Annotation" (id, "documentId", "authorId", "documentVersion", start, "end",
         exact, prefix, suffix, comment, confidence, origin, "anchorStatus", "createdAt", "updatedAt")
       SELECT 'a' || lpad(n::text, 9, '0'), d.id, 'benchuser' || (n % ${annotators}), 1, s.start, s.stop,
         substr(d.text, s.start + 1, s.stop - s.start),
         substr(d.text, greatest(1, s.start - 31), s.start - greatest(0, s.start - 32)),
         substr(d.text, s.stop + 1, 32),
         CASE WHEN n % 10 = 0 THEN 'Comment, with "quotes" ' || n ELSE '' END,
         CASE WHEN n % 3 = 0 THEN NULL ELSE 1 + n % 3 END,
         (CASE WHEN n % 7 = 0 THEN 'SUGGESTION' ELSE 'PERSON' END)::"AnnotationOrigin",
         (CASE WHEN n % 100 = 1 THEN 'ORPHANED' ELSE 'ANCHORED' END)::"AnchorStatus",
         timestamp '2026-01-01' + (n || ' seconds')::interval, timestamp '2026-01-02'
       FROM generate_series(0, $1::int - 1) AS n
       JOIN "Document" d ON d.id = 'd' || lpad((1 + n % $2::int)::text, 7, '0')
       CROSS JOIN LATERAL (
         SELECT ((n / $2::int) * 13) % (length(d.text) - 60) AS start
       ) AS s0
       CROSS JOIN LATERAL (SELECT s0.start, s0.start + 5 + n % 40 AS stop) AS s`,
      [annotationCount, documentCount],
    );

    // One label each (cycling through every label of the codebook), a second label in
    // another dimension for one in five; one in fifty stays a note without labels.
    await client.query(
      `CREATE TEMP TABLE bench_labels AS
       SELECT row_number() OVER (ORDER BY dm.position, l.position) - 1 AS k, l.id AS label_id
       FROM "Label" l JOIN "Dimension" dm ON dm.id = l."dimensionId"
       JOIN "Codebook" c ON c.id = dm."codebookId" WHERE c."workspaceId" = $1`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO "AnnotationLabel" ("annotationId", "labelId")
       SELECT 'a' || lpad(n::text, 9, '0'), bl.label_id
       FROM generate_series(0, $1::int - 1) AS n
       JOIN bench_labels bl ON bl.k = n % (SELECT count(*) FROM bench_labels)
       WHERE n % 50 <> 0
       UNION ALL
       SELECT 'a' || lpad(n::text, 9, '0'), bl.label_id
       FROM generate_series(0, $1::int - 1) AS n
       JOIN bench_labels bl ON bl.k = (n + 9) % (SELECT count(*) FROM bench_labels)
       WHERE n % 50 <> 0 AND n % 5 = 0
       ON CONFLICT DO NOTHING`,
      [annotationCount],
    );
    // VACUUM as well as ANALYZE: a live database's autovacuum has long since set the
    // visibility map after such inserts; without it every index-only lookup of a label
    // also reads the table (Heap Fetches in EXPLAIN), which no deployment sees for long.
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }

  return { workspaceId, ownerId };
}

async function countSeeded(url: string): Promise<[number, number]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ annotations: number; documents: number }>(
      `SELECT (SELECT count(*) FROM "Annotation")::int AS annotations,
         (SELECT count(*) FROM "Document")::int AS documents`,
    );
    return [rows[0]?.annotations ?? 0, rows[0]?.documents ?? 0];
  } finally {
    await client.end();
  }
}

// The floor: Postgres writing the rows the exporter reads (its cursor's query: one row per
// annotation and exported label) as COPY text, read off the wire without parsing.
async function measureCopy(
  url: string,
  workspaceId: string,
  exportRows: number,
  monitor: pg.Client,
): Promise<ExportBenchRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await measure("COPY (SELECT …) TO STDOUT (floor)", monitor, async () => {
      const copy = new CopyToCounter(
        `COPY (
          SELECT a.id, a."documentId", a."authorId", a.start, a."end", a.exact, a.prefix,
            a.suffix, a.comment, a.confidence, a.origin, a."createdAt", a."updatedAt",
            dm.key AS dimension, l.key AS label
          FROM "Annotation" a
          JOIN "Document" d ON d.id = a."documentId"
          LEFT JOIN ("AnnotationLabel" al
            JOIN "Label" l ON l.id = al."labelId"
            JOIN "Dimension" dm ON dm.id = l."dimensionId")
            ON al."annotationId" = a.id
          WHERE d."workspaceId" = '${workspaceId}' AND a."deletedAt" IS NULL
            AND a."anchorStatus" = 'ANCHORED' AND a."documentVersion" = d.version
          ORDER BY a."documentId", a.id, dm.position, l.position
        ) TO STDOUT`,
      );
      await client.query(copy as unknown as pg.QueryConfig);
      return { rows: exportRows, bytes: copy.bytes };
    });
  } finally {
    await client.end();
  }
}

// A pg "Submittable" for COPY … TO STDOUT: pg hands every CopyData message to the active
// query, which here only counts bytes (what pg-copy-streams does, without a dependency).
class CopyToCounter {
  rows = 0;
  bytes = 0;
  private resolve: () => void = () => undefined;
  private reject: (error: Error) => void = () => undefined;
  private error: Error | null = null;
  readonly done: Promise<void>;

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: { query: (text: string) => void }) {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }) {
    this.bytes += message.chunk.length;
  }

  handleCommandComplete(message: { text: string }) {
    this.rows = Number(/COPY (\d+)/.exec(message.text)?.[1] ?? 0);
  }

  handleError(error: Error) {
    this.error = error;
  }

  handleReadyForQuery() {
    if (this.error) {
      this.reject(this.error);
    } else {
      this.resolve();
    }
  }

  // pg calls these for other queries; COPY TO sends none of them.
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyInResponse() {}

  // `client.query(submittable)` returns the submittable; awaiting it waits for the end.
  then(onFulfilled: (value: void) => unknown, onRejected: (reason: unknown) => unknown) {
    return this.done.then(onFulfilled, onRejected);
  }
}

async function measure(
  name: string,
  monitor: pg.Client,
  run: () => Promise<{ rows: number; bytes: number }>,
): Promise<ExportBenchRun> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);

  const postgresBefore = await readPostgresCpu(monitor);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const { rows, bytes } = await run();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = await readPostgresCpu(monitor);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      name,
      rows,
      bytes,
      seconds,
      rowsPerSecond: rows / seconds,
      peakRssMb: peak / 1024 / 1024,
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      postgresCpuSeconds:
        postgresBefore && postgresAfter
          ? [...postgresAfter].reduce(
              (sum, [pid, seconds]) => sum + seconds - (postgresBefore.get(pid) ?? 0),
              0,
            )
          : null,
    };
  } finally {
    clearInterval(sampler);
  }
}

// CPU seconds (user + system) of every server process connected to the bench database,
// from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux).
async function readPostgresCpu(monitor: pg.Client): Promise<Map<number, number> | null> {
  const { rows } = await monitor.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  const cpu = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    return null;
  }
  return cpu;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return bytes;
    }
    bytes += value.byteLength;
  }
}

async function closeExportPool() {
  const pool = (globalThis as { framewiseExportPool?: pg.Pool }).framewiseExportPool;
  if (pool) {
    await pool.end();
    // end() resolves before the sockets close; the database is dropped next, which may cut
    // them first: expected here, so not logged.
    pool.removeAllListeners("error");
    pool.on("error", () => undefined);
    delete (globalThis as { framewiseExportPool?: pg.Pool }).framewiseExportPool;
  }
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function describeRun(run: ExportBenchRun): string {
  const cpu =
    run.postgresCpuSeconds === null
      ? `CPU node ${run.nodeCpuSeconds.toFixed(1)} s`
      : `CPU node ${run.nodeCpuSeconds.toFixed(1)} s + postgres ${run.postgresCpuSeconds.toFixed(1)} s`;
  return [
    run.name.padEnd(36),
    `${run.rows.toLocaleString("en").padStart(11)} rows`,
    `${run.seconds.toFixed(2).padStart(7)} s`,
    `${Math.round(run.rowsPerSecond).toLocaleString("en").padStart(9)} rows/s`,
    `${(run.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB`,
    `peak RSS ${run.peakRssMb.toFixed(0)} MB`,
    cpu,
  ].join("  ");
}

function readArgument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value.replace(/[_,]/g, ""));
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`--${name} takes a whole number, got ${value}.`);
  }
  return number;
}

function readText(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const result = await runExportBench({
    annotations: readArgument("annotations"),
    documents: readArgument("documents"),
    keepDatabase: process.argv.includes("--keep"),
    reuseDatabase: readText("reuse"),
    log: (message) => console.log(message),
  });

  console.log(
    `\n${result.exportRows.toLocaleString("en")} export rows (annotation × dimension) from ${result.annotations.toLocaleString("en")} annotations; RSS before the exports ${result.baselineRssMb.toFixed(0)} MB.`,
  );
  for (const [name, ratio] of Object.entries(result.ratios)) {
    console.log(`${name}: ${(ratio * 100).toFixed(0)}% of COPY's rate.`);
  }
  console.log(
    result.meetsTarget
      ? `Within target: every export at least ${targetRatio * 100}% of COPY's rate with peak RSS under ${targetPeakRssMb} MB.`
      : `MISSES the target (${targetRatio * 100}% of COPY's rate, peak RSS under ${targetPeakRssMb} MB).`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
