import { describe, expect, it } from "vitest";

import { toAppError } from "./app-error";

// The shapes seen when Postgres stops or restarts under the app (tests/faults).
describe("toAppError: the database going away is 503, not 500", () => {
  it.each([
    ["pg: connection refused", { code: "ECONNREFUSED", message: "connect ECONNREFUSED" }],
    ["pg: admin shutdown", { code: "57P01", message: "terminating connection" }],
    ["pg: connection dropped", new Error("Connection terminated unexpectedly")],
    [
      "Prisma over the pg adapter: shutting down",
      {
        code: "P2039",
        meta: { driverAdapterError: { cause: { originalCode: "57P03", kind: "postgres" } } },
      },
    ],
    [
      "Prisma over the pg adapter: not reachable",
      { code: "P2039", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
    ],
    ["Prisma: no transaction slot in time", { code: "P2028" }],
  ])("%s", (_name, error) => {
    const appError = toAppError(error);
    expect(appError.code).toBe("UNAVAILABLE");
    expect(appError.status).toBe(503);
    expect(appError.message).toMatch(/try again/i);
  });

  it.each([
    ["Prisma: write conflict or deadlock", { code: "P2034" }],
    [
      "Prisma raw query: deadlock detected",
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } },
    ],
    ["pg: serialization failure", { code: "40001", message: "could not serialize access" }],
  ])("%s: 503, retry", (_name, error) => {
    const appError = toAppError(error);
    expect(appError.status).toBe(503);
    expect(appError.message).toMatch(/try again/i);
  });

  it("keeps other failures as they were", () => {
    expect(toAppError({ code: "P2002" }).code).toBe("CONFLICT");
    expect(
      toAppError({
        code: "P2039",
        meta: { driverAdapterError: { cause: { originalCode: "22P02" } } },
      }).code,
    ).toBe("INTERNAL");
    expect(toAppError(new Error("boom")).code).toBe("INTERNAL");
  });
});
