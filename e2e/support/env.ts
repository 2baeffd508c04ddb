import { readFileSync } from "node:fs";

/** What `npm test` tells the journeys about the running stack. */
export const e2eEnv = {
  webUrl: process.env.E2E_WEB_URL ?? "http://localhost:3000",
  gatewayUrl: process.env.E2E_GATEWAY_URL ?? "http://localhost:4000",
  demoUpstreamUrl: process.env.DEMO_UPSTREAM_URL ?? "http://127.0.0.1:4100/mcp",
};

export type DemoDetails = { gatewayUrl: string; token: string; tenantSlug: string; serverSlug: string };

/** The seeded demo tenant's details, written by the seed step. */
export function demoDetails(): DemoDetails {
  const file = process.env.E2E_DEMO_JSON ?? "../.toolgate/demo.json";
  return JSON.parse(readFileSync(file, "utf8")) as DemoDetails;
}
