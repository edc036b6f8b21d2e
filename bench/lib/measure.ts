// Small measuring helpers shared by the server benches (live, load).
import { readdir, readFile } from "node:fs/promises";

export function readOption(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// Nearest-rank percentile of an ascending list (NaN when empty).
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

// CPU (user + system ticks) and RSS of a process and its children, from /proc.
export async function sampleProcessTree(pid: number): Promise<{ ticks: number; rssKb: number }> {
  const pids = [pid];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (pids.includes(Number(fields[1])) && !pids.includes(Number(entry))) {
      pids.push(Number(entry));
    }
  }
  let ticks = 0;
  let rssKb = 0;
  for (const id of pids) {
    const stat = await readFile(`/proc/${id}/stat`, "utf8").catch(() => "");
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
    const status = await readFile(`/proc/${id}/status`, "utf8").catch(() => "");
    rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { ticks, rssKb };
}

// The machine's load average over 1, 5 and 15 minutes, as /proc prints it.
export async function readLoadAverage(): Promise<string> {
  return (await readFile("/proc/loadavg", "utf8")).split(" ").slice(0, 3).join(" ");
}
