import { afterEach, describe, expect, it, vi } from "vitest";

import { flushWindowMs, joinChunks, scheduleFlush } from "./write-batcher";

afterEach(() => {
  vi.useRealTimers();
});

describe("write batcher", () => {
  it("flushes every scheduled stream once per window, not at once", () => {
    vi.useFakeTimers();
    const a = { flush: vi.fn() };
    const b = { flush: vi.fn() };
    scheduleFlush(a);
    scheduleFlush(a);
    scheduleFlush(b);
    expect(a.flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(flushWindowMs);
    expect(a.flush).toHaveBeenCalledTimes(1);
    expect(b.flush).toHaveBeenCalledTimes(1);
    scheduleFlush(a);
    vi.advanceTimersByTime(flushWindowMs);
    expect(a.flush).toHaveBeenCalledTimes(2);
    expect(b.flush).toHaveBeenCalledTimes(1);
  });

  it("joins chunks in order", () => {
    const encoder = new TextEncoder();
    const parts = ["id: 1\ndata: {}\n\n", "data: é👩🏽‍💻\n\n", ": keep-alive\n\n"].map((part) =>
      encoder.encode(part),
    );
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    expect(new TextDecoder().decode(joinChunks(parts, length))).toBe(
      "id: 1\ndata: {}\n\ndata: é👩🏽‍💻\n\n: keep-alive\n\n",
    );
    expect(joinChunks([parts[0]!], parts[0]!.byteLength)).toBe(parts[0]);
  });
});
