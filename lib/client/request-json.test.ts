import { afterEach, describe, expect, it, vi } from "vitest";

import { requestJson } from "./request-json";

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("requestJson with an Idempotency-Key", () => {
  it("retries a lost connection and a 503 with the same key until it gets an answer", async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(json(503, { error: { message: "The database is not reachable" } }))
      .mockResolvedValueOnce(json(201, { annotation: { id: "a1" } }));
    vi.stubGlobal("fetch", fetchMock);

    const result = await requestJson("/api/x", "POST", { a: 1 }, { idempotencyKey: "key-1" });

    expect(result).toEqual({ ok: true, data: { annotation: { id: "a1" } } });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    for (const [, init] of fetchMock.mock.calls) {
      expect((init?.headers as Record<string, string>)["Idempotency-Key"]).toBe("key-1");
    }
  });

  it("does not retry a refusal such as 422, and never retries without a key", async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json(422, { error: { message: "The highlight is empty." } }))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"));
    vi.stubGlobal("fetch", fetchMock);

    const refused = await requestJson("/api/x", "POST", {}, { idempotencyKey: "key-2" });
    const lost = await requestJson("/api/x", "POST", {});

    expect(refused).toMatchObject({ ok: false, status: 422, message: "The highlight is empty." });
    expect(lost).toMatchObject({ ok: false, status: 0 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
