import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

import { cachedJwtDecode } from "./cached-jwt-decode";

const secret = "a test secret of some length, 32+ characters";

afterEach(() => {
  vi.useRealTimers();
});

describe("cachedJwtDecode", () => {
  it("gives the token's payload, again from its cache", async () => {
    const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret });
    const first = await cachedJwtDecode({ token, secret });
    expect(first).toMatchObject({ sub: "user-1", sid: "session-1" });
    expect(await cachedJwtDecode({ token, secret })).toEqual(first);
  });

  it("never answers from the cache for another secret", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret });
    await cachedJwtDecode({ token, secret });
    await expect(cachedJwtDecode({ token, secret: `${secret}, rotated` })).rejects.toThrow();
  });

  it("stops answering once the token has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T12:00:00Z"));
    const token = await encode({ token: { sub: "user-3" }, secret, maxAge: 30 });
    expect(await cachedJwtDecode({ token, secret })).toMatchObject({ sub: "user-3" });
    vi.setSystemTime(new Date("2026-11-25T12:00:50Z"));
    await expect(cachedJwtDecode({ token, secret })).rejects.toThrow(/exp/);
  });

  it("passes a missing token through", async () => {
    expect(await cachedJwtDecode({ token: undefined, secret })).toBeNull();
  });
});
