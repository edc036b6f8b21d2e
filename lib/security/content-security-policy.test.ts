import { describe, expect, it } from "vitest";

import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, and never inline or eval", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("adds eval only for the development server", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", isDevelopment: true })).toContain(
      "'unsafe-eval'",
    );
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
  });
});
