import type { NextConfig } from "next";

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
};

export default nextConfig;
