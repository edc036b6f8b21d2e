import { describe, expect, it } from "vitest";

import { fingerprintRequest, readIdempotencyKey } from "./idempotency-key";

function requestWith(key?: string) {
  return new Request("http://localhost/x", {
    method: "POST",
    headers: key === undefined ? {} : { "Idempotency-Key": key },
  });
}

describe("readIdempotencyKey", () => {
  it("reads a UUID and answers null without the header", () => {
    expect(readIdempotencyKey(requestWith("6f1c2a4e-8f7b-4c1d-9a51-0c7e2b9d3f10"))).toBe(
      "6f1c2a4e-8f7b-4c1d-9a51-0c7e2b9d3f10",
    );
    expect(readIdempotencyKey(requestWith())).toBeNull();
  });

  it("refuses empty, spaced, non-ASCII and overlong keys with a 422", () => {
    for (const bad of ["", "two words", "clé", "k".repeat(256)]) {
      expect(() => readIdempotencyKey(requestWith(bad))).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }) as Error,
      );
    }
  });
});

describe("fingerprintRequest", () => {
  it("ignores key order but not values", () => {
    expect(fingerprintRequest({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      fingerprintRequest({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(fingerprintRequest({ a: 1 })).not.toBe(fingerprintRequest({ a: 2 }));
    expect(fingerprintRequest({ file: new Uint8Array([1, 2]) })).not.toBe(
      fingerprintRequest({ file: new Uint8Array([1, 3]) }),
    );
  });
});
