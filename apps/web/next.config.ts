import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security/security-headers";

const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source, so Next compiles them with the app.
  transpilePackages: [
    "@toolgate/db",
    "@toolgate/policy-core",
    "@toolgate/secrets",
    "@toolgate/upstream",
    "@toolgate/webhooks",
  ],
  // The pg driver and Prisma's runtime load native/optional modules at run time; bundling them breaks that.
  serverExternalPackages: [
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@modelcontextprotocol/sdk",
    "bullmq",
  ],
  poweredByHeader: false,
  // Pages also get a nonce'd Content-Security-Policy from src/proxy.ts.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
