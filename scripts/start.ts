// npm start / npm run dev — one command from a fresh clone to a running app:
// database (embedded unless DATABASE_URL is set), auth secret, migrations, demo
// content (embedded only), a production build when sources changed, then Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { z } from "zod";

import { createPrismaClient } from "@/lib/db/client";
import { EmbeddedPostgresError } from "@/lib/db/embedded-postgres";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { seedDemoContent } from "@/lib/server/demo/seed-demo";

import { resolveDatabase, stateDir, type ResolvedDatabase } from "./lib/database";
import { computeSourceHash } from "./lib/source-hash";

const isDev = process.argv.includes("--dev");
const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");

const startEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      message: "DATABASE_URL must start with postgresql:// or postgres://",
    })
    .optional(),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, { message: "NEXTAUTH_SECRET must be at least 32 characters long." })
    .optional(),
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65_535, { message: "PORT must be a number from 1 to 65535." })
    .default(3000),
});

function say(message: string) {
  console.log(`[framewise] ${message}`);
}

function fail(message: string): never {
  console.error(`[framewise] ${message}`);
  process.exit(1);
}

async function loadOrCreateSecret(): Promise<string> {
  const file = path.join(stateDir, "auth-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();

  if (existing.length >= 32) {
    return existing;
  }

  await mkdir(stateDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function pickPort(wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 50 && port <= 65_535; port += 1) {
    if (await isPortFree(port)) {
      if (port !== wanted) {
        say(`Port ${wanted} is in use; using ${port} instead.`);
      }
      return port;
    }
  }
  return fail(`No free port between ${wanted} and ${wanted + 49}. Set PORT to a free one.`);
}

async function seedIfEmpty(url: string): Promise<{ email: string; password: string } | null> {
  const db = createPrismaClient(url);
  try {
    if ((await db.user.count()) > 0) {
      return null;
    }
    say("Adding demo content (an empty database was found).");
    return await seedDemoContent(db);
  } finally {
    await db.$disconnect();
  }
}

function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function buildIfStale(env: NodeJS.ProcessEnv) {
  const stamp = path.join(root, ".next", "framewise-source-hash");
  const hash = await computeSourceHash(root);
  const previous = (await readFile(stamp, "utf8").catch(() => "")).trim();

  if (previous === hash && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    return;
  }

  say("Building the app (the first start takes a minute or two)…");
  const code = await runToCompletion(nextBin, ["build"], env);

  if (code !== 0) {
    fail("The build failed; see the messages above.");
  }
  await writeFile(stamp, hash);
}

async function main() {
  const parsed = startEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => issue.message).join("\n"));
  }
  const config = parsed.data;

  if (config.DATABASE_URL && !config.NEXTAUTH_SECRET) {
    fail(
      "NEXTAUTH_SECRET is required when DATABASE_URL is set (production mode). Generate one with: openssl rand -base64 32",
    );
  }

  let database: ResolvedDatabase;
  try {
    database = await resolveDatabase(say);
  } catch (error) {
    return fail(
      error instanceof EmbeddedPostgresError
        ? error.message
        : `Could not start the database: ${String(error)}`,
    );
  }

  let child: ChildProcess | undefined;
  let shuttingDown = false;

  const shutdown = async (signal: NodeJS.Signals | null, code: number) => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    if (child && child.exitCode === null && signal) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill(signal);
      await exited;
    }
    await database.stop();
    process.exit(code);
  };

  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

  try {
    const { applied } = await migrate({ connectionString: database.url, log: say });
    say(
      applied.length === 0
        ? "Database schema is up to date."
        : `Applied ${applied.length} migration(s).`,
    );

    const demo = database.isEmbedded ? await seedIfEmpty(database.url) : null;
    const port = await pickPort(config.PORT);
    const secret = config.NEXTAUTH_SECRET ?? (await loadOrCreateSecret());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
      FRAMEWISE_DEMO: database.isEmbedded ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
    };

    if (!isDev) {
      await buildIfStale({ ...env, NODE_ENV: "production" });
    }

    child = spawn(nextBin, [isDev ? "dev" : "start", "-p", String(port)], {
      stdio: "inherit",
      env,
    });
    child.on("exit", (code, signal) => void shutdown(null, code ?? (signal ? 1 : 0)));

    say(`Framewise is starting at http://localhost:${port}`);
    if (database.isEmbedded) {
      say(
        demo
          ? `Demo sign-in: ${demo.email} / ${demo.password}`
          : "Demo sign-in (if you kept the demo account): demo@framewise.local / framewise-demo",
      );
      say("Data is kept in .framewise/ between starts. Press Ctrl+C to stop.");
    }
  } catch (error) {
    console.error(`[framewise] ${error instanceof MigrationError ? error.message : String(error)}`);
    await shutdown(null, 1);
  }
}

void main();
