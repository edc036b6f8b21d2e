import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { makeWorkspaceWithRoles } from "@/tests/factories";

import { createPrismaClient, type Db } from "./client";

// Counts, per pg client, the queries sent while another is still running on it: what pg
// 8.19 deprecates ("Calling client.query() when the client is already executing a query").
const overlapping: string[] = [];
const busy = new WeakMap<object, number>();
const originalQuery = pg.Client.prototype.query;

let db: Db;

beforeAll(() => {
  pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
    const running = busy.get(this) ?? 0;
    if (running > 0) {
      const [config] = args as [{ text?: string } | string];
      overlapping.push(typeof config === "string" ? config : String(config.text));
    }
    busy.set(this, running + 1);
    const result = (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
    const settle = () => busy.set(this, (busy.get(this) ?? 1) - 1);
    if (result instanceof Promise) {
      result.then(settle, settle);
    } else {
      settle();
    }
    return result;
  } as typeof pg.Client.prototype.query;
  db = createPrismaClient(process.env.DATABASE_URL ?? "");
});

beforeEach(() => {
  overlapping.length = 0;
});

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await db.$disconnect();
});

describe("queries inside one transaction", () => {
  it("go to their connection one at a time, in the order sent, and still commit together", async () => {
    const { owner, workspace } = await makeWorkspaceWithRoles();

    const [slow, memberships, withRelations] = await db.$transaction(async (tx) =>
      Promise.all([
        tx.$queryRaw<{ n: number }[]>`SELECT pg_sleep(0.2)::text AS slept, 1 AS n`,
        tx.membership.count({ where: { workspaceId: workspace.id } }),
        // Several relations: Prisma reads them with statements of their own.
        tx.workspace.findUniqueOrThrow({
          where: { id: workspace.id },
          select: {
            members: { select: { userId: true } },
            codebooks: { select: { id: true } },
            documents: { select: { id: true } },
          },
        }),
      ]),
    );

    expect(slow[0]?.n).toBe(1);
    expect(memberships).toBe(4);
    expect(withRelations.members.map((member) => member.userId)).toContain(owner.id);
    expect(overlapping).toEqual([]);
  });

  it("roll back whole when one statement fails, and the connection is clean for the next", async () => {
    const { owner } = await makeWorkspaceWithRoles();
    const failed = await db
      .$transaction(async (tx) =>
        Promise.all([
          tx.user.update({ where: { id: owner.id }, data: { name: "Renamed" } }),
          tx.$queryRaw`SELECT 1/0`,
        ]),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failed).toBeTruthy();
    const user = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(user.name).toBe("Owner");
    expect(overlapping).toEqual([]);
  });
});
