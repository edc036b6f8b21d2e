import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { decodeCursor, encodeCursor, readPageRequest, toPage } from "./pagination";

const request = (query: string) => new Request(`http://localhost/api/v1/workspaces${query}`);

describe("pagination", () => {
  it("round-trips a cursor exactly, to the millisecond", () => {
    const cursor = { createdAt: new Date("2026-01-06T10:11:12.345Z"), id: "cm1abc" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("reads limit and cursor, with 50 by default and 100 at most", () => {
    expect(readPageRequest(request(""))).toEqual({ limit: 50, after: null });
    expect(readPageRequest(request("?limit=100")).limit).toBe(100);

    const cursor = encodeCursor({ createdAt: new Date("2026-01-06T00:00:00.000Z"), id: "abc" });
    expect(readPageRequest(request(`?limit=2&cursor=${cursor}`)).after).toEqual({
      createdAt: new Date("2026-01-06T00:00:00.000Z"),
      id: "abc",
    });
  });

  it.each([
    ["?limit=101", /at most 100/],
    ["?limit=0", /from 1 to 100/],
    ["?limit=ten", /from 1 to 100/],
    ["?limit=2.5", /whole number/],
    ["?cursor=not-a-cursor", /cursor is not valid/],
    [`?cursor=${Buffer.from('["yesterday","x"]').toString("base64url")}`, /cursor is not valid/],
    ["?limt=5", /limt/],
  ])("refuses %s with a clear 422", (query, message) => {
    let caught: unknown;
    try {
      readPageRequest(request(query));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(message),
    });
  });

  it("gives a next cursor only when there is one more row than the page holds", () => {
    const rows = [3, 2, 1].map((n) => ({
      id: `r${n}`,
      createdAt: new Date(Date.UTC(2026, 0, n)),
    }));

    const first = toPage(rows, 2, (row) => row.id);
    expect(first.items).toEqual(["r3", "r2"]);
    expect(first.nextCursor && decodeCursor(first.nextCursor)).toEqual({
      id: "r2",
      createdAt: new Date(Date.UTC(2026, 0, 2)),
    });

    expect(toPage(rows, 3, (row) => row.id)).toEqual({
      items: ["r3", "r2", "r1"],
      nextCursor: null,
    });
  });
});
