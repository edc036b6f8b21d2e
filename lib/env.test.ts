import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://localhost:5432/framewise",
  NEXTAUTH_SECRET: "x".repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(valid);

    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(env.NODE_ENV).toBe("development");
    expect(env.FRAMEWISE_DEMO).toBe(false);
  });

  it("explains a missing DATABASE_URL and how to get one", () => {
    const problems = problemsOf({ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/DATABASE_URL is missing/);
    expect(problems[0]).toMatch(/npm start/);
  });

  it("rejects a DATABASE_URL that is not a Postgres URL", () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: "mysql://localhost/db" });

    expect(problems[0]).toMatch(/DATABASE_URL must start with postgresql:\/\//);
  });

  it("rejects a short secret and reports every problem at once", () => {
    const problems = problemsOf({
      DATABASE_URL: "nope",
      NEXTAUTH_SECRET: "short",
      FRAMEWISE_DEMO: "yes",
    });

    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/at least 32 characters/);
    expect(problems.join("\n")).toMatch(/FRAMEWISE_DEMO must be 0 or 1/);
  });

  it("rejects a malformed NEXTAUTH_URL", () => {
    const problems = problemsOf({ ...valid, NEXTAUTH_URL: "localhost:3000" });

    expect(problems[0]).toMatch(/NEXTAUTH_URL must be a full URL/);
  });
});
