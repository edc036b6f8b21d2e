import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isDatabaseDown, probeEveryMs, reportDatabaseError } from "./database-health";

// The state proxy.ts reads before each page. Connections opened by the probe are counted,
// since normal requests must not pay for any.
let connects = 0;
const originalConnect = pg.Client.prototype.connect;

beforeAll(() => {
  pg.Client.prototype.connect = function connect(this: pg.Client, ...args: unknown[]) {
    connects += 1;
    return (originalConnect as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.connect;
});

afterAll(() => {
  pg.Client.prototype.connect = originalConnect;
});

describe("database health", () => {
  it("is up without asking the database, and stays up after errors that are not about the connection", async () => {
    connects = 0;
    expect(await isDatabaseDown()).toBe(false);
    reportDatabaseError(new Error("boom"));
    reportDatabaseError({ code: "P2002" });
    reportDatabaseError({ code: "P2028" });
    expect(await isDatabaseDown()).toBe(false);
    expect(connects).toBe(0);
  });

  it("goes down on a connection error, and one probe, shared by the pages waiting on it, finds it back", async () => {
    await new Promise((resolve) => setTimeout(resolve, probeEveryMs));
    connects = 0;
    reportDatabaseError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" });

    const answers = await Promise.all([isDatabaseDown(), isDatabaseDown(), isDatabaseDown()]);

    expect(answers).toEqual([false, false, false]);
    expect(connects).toBe(1);
    expect(await isDatabaseDown()).toBe(false);
    expect(connects).toBe(1);
  });

  it("probes at most once per interval while down", async () => {
    await new Promise((resolve) => setTimeout(resolve, probeEveryMs));
    connects = 0;
    reportDatabaseError({ code: "57P01", message: "terminating connection" });
    expect(await isDatabaseDown()).toBe(false);
    // Down again at once (say, a restart in progress): the next probe waits its turn.
    reportDatabaseError({ code: "57P01", message: "terminating connection" });
    expect(await isDatabaseDown()).toBe(true);
    expect(connects).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, probeEveryMs));
    expect(await isDatabaseDown()).toBe(false);
    expect(connects).toBe(2);
  });
});
