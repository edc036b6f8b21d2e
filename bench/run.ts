// npm run bench — every benchmark in bench/<name>/run.ts that exports a run…Bench function,
// one table each. `--only <name>` runs one (agreement, export, annotator, live, load); `--runs <n>`
// passes a sample count to each (default: the bench's own).
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Row = Record<string, unknown>;
type BenchFunction = (options: { runs?: number }) => Promise<unknown>;

const benchRoot = path.join(process.cwd(), "bench");
// Known benches, listed even before their module exists, so a missing one is reported.
const expected = ["agreement", "export", "annotator", "live", "load"];

function readOption(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function findBenches(): Promise<string[]> {
  const folders = (await readdir(benchRoot, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return [...new Set([...expected, ...folders.sort()])];
}

function findRunFunction(exports: Record<string, unknown>): BenchFunction | undefined {
  const name = Object.keys(exports).find(
    (key) => /^run\w*Bench$/.test(key) && typeof exports[key] === "function",
  );
  return name ? (exports[name] as BenchFunction) : undefined;
}

// A bench returns its rows, { rows, notes }, or any result object: each list of records in
// it becomes a table, and its other fields notes.
function toTables(result: unknown): { tables: Row[][]; notes: string[] } {
  if (Array.isArray(result)) {
    return { tables: [result as Row[]], notes: [] };
  }
  if (!result || typeof result !== "object") {
    return { tables: [], notes: [String(result)] };
  }

  const tables: Row[][] = [];
  const notes: string[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (key === "notes" && Array.isArray(value)) {
      notes.push(...value.map(String));
    } else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((item) => item && typeof item === "object")
    ) {
      tables.push(value as Row[]);
    } else {
      notes.push(`${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
    }
  }
  return { tables, notes };
}

function formatCell(value: unknown): string {
  if (typeof value === "number") {
    return Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(1);
  }
  return value === undefined || value === null ? "" : String(value);
}

function printTable(rows: Row[]) {
  if (rows.length === 0) {
    return;
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index]!.length)),
  );
  const isNumeric = columns.map((column) => rows.every((row) => typeof row[column] !== "string"));
  const line = (values: string[]) =>
    `| ${values
      .map((value, index) =>
        isNumeric[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!),
      )
      .join(" | ")} |`;

  console.log(line(columns));
  console.log(
    `|${widths.map((width, index) => (isNumeric[index] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`,
  );
  for (const values of cells) {
    console.log(line(values));
  }
}

async function main() {
  const only = readOption("--only");
  const runsOption = readOption("--runs");
  const runs = runsOption === undefined ? undefined : Number(runsOption);

  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    console.error(`[bench] --runs must be a whole number of 1 or more, not "${runsOption}".`);
    process.exit(2);
  }

  const names = await findBenches();
  const selected = only ? names.filter((name) => name === only) : names;
  if (selected.length === 0) {
    console.error(`[bench] Unknown bench "${only}". Benches: ${names.join(", ")}.`);
    process.exit(2);
  }

  let failed = 0;
  for (const name of selected) {
    const file = path.join(benchRoot, name, "run.ts");
    console.log(`\n## ${name}\n`);

    if (!existsSync(file)) {
      console.log(`(skipped: bench/${name}/run.ts does not exist yet)`);
      continue;
    }

    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const runBench = findRunFunction(loaded);
    if (!runBench) {
      console.log(`(skipped: bench/${name}/run.ts exports no run…Bench function)`);
      continue;
    }

    const started = Date.now();
    try {
      const { tables, notes } = toTables(await runBench(runs === undefined ? {} : { runs }));
      for (const rows of tables) {
        console.log("");
        printTable(rows);
      }
      for (const note of notes) {
        console.log(`\n${note}`);
      }
      console.log(`\n(${name}: ${Math.round((Date.now() - started) / 1000)} s)`);
    } catch (error) {
      failed += 1;
      console.error(`[bench] ${name} failed:`, error);
    }
  }

  process.exit(failed === 0 ? 0 : 1);
}

void main();
