// Starts a production Next.js server (`next start`) on a free port for tests and benchmarks.
import { spawn } from "node:child_process";
import path from "node:path";

import { findFreePort } from "./free-port";

export type NextServer = { url: string; port: number; pid: number; stop: () => Promise<void> };

export async function startNextServer({
  env,
  port: wanted,
}: {
  env: Record<string, string | undefined>;
  port?: number;
}): Promise<NextServer> {
  const port = wanted ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  // FRAMEWISE_SERVER_CPU_PROF=<dir>: write a V8 CPU profile of the server there when it stops
  // (Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line).
  const profileDir = process.env.FRAMEWISE_SERVER_CPU_PROF;
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      nextBin,
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXTAUTH_URL: url, ...env, NODE_ENV: "production" },
    },
  );

  let exited = false;
  child.once("exit", () => (exited = true));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error("The Next.js server exited while starting; see the messages above.");
    }
    try {
      const response = await fetch(`${url}/api/auth/csrf`);
      if (response.ok) {
        break;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The Next.js server did not answer on ${url} within 60 seconds.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const stop = async () => {
    if (exited) {
      return;
    }
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
  };

  return { url, port, pid: child.pid ?? 0, stop };
}
