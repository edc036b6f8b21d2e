import { z } from "zod";

// The one module that reads process.env for the app. Parsed lazily on first use
// (not at import), so `next build` does not need runtime secrets.

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is missing: set it to a postgresql:// URL, or start the app with `npm start`, which runs an embedded Postgres.",
    })
    .refine((value) => /^postgres(ql)?:\/\//.test(value), {
      message: "DATABASE_URL must start with postgresql:// or postgres://",
    }),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is missing: generate one with `openssl rand -base64 32`." })
    .min(32, { message: "NEXTAUTH_SECRET must be at least 32 characters long." }),
  NEXTAUTH_URL: z
    .url({
      protocol: /^https?$/,
      message: "NEXTAUTH_URL must be a full URL such as http://localhost:3000",
    })
    .optional(),
  // Set by `npm start` when it runs the embedded Postgres with demo content.
  FRAMEWISE_DEMO: z
    .enum(["0", "1"], { message: "FRAMEWISE_DEMO must be 0 or 1" })
    .default("0")
    .transform((value) => value === "1"),
  // Trust X-Forwarded-For for rate limiting only behind a proxy you run.
  FRAMEWISE_TRUST_PROXY: z
    .enum(["0", "1"], { message: "FRAMEWISE_TRUST_PROXY must be 0 or 1" })
    .default("0")
    .transform((value) => value === "1"),
  // Test-only: hosts (exactly as written in a URL) that URL import may fetch even though
  // they are private, so e2e tests can serve pages from 127.0.0.1. Never set it in production.
  FRAMEWISE_FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim())
        .filter(Boolean),
    ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);

  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }

  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
