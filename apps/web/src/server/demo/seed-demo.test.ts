import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { getCurrentPolicy, listGrants } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../test/test-tenant";
import { seedDemo } from "./seed-demo";

const db = testDb();
const deps = {
  db,
  secretKey: randomBytes(32),
  allowPrivateUpstreams: false,
  gatewayUrl: "http://localhost:4000",
};
const policyText = readFileSync(new URL("../../fixtures/canonical-policy.json", import.meta.url), "utf8");
let upstream: DemoUpstream;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await upstream.close();
  await db.$disconnect();
});

describe("seedDemo", () => {
  it("creates the demo once and reuses it, including a still-valid token, on the next run", async () => {
    const unique = randomUUID().slice(0, 8);
    const options = {
      email: `demo-${unique}@example.test`,
      organisationName: `Demo ${unique}`,
      password: "toolgate-demo-1",
      upstreamUrl: upstream.url,
      dashboardUrl: "http://localhost:3000",
      policyText,
      previousToken: null,
    };
    const first = await seedDemo(deps, options);
    expect(first.serverSlug).toBe("virtualization");
    expect(first.gatewayUrl).toBe(`http://localhost:4000/${first.tenantSlug}/virtualization/mcp`);
    expect(first.token).toMatch(/^tg_grt_/);

    const second = await seedDemo(deps, { ...options, previousToken: first.token });
    expect(second).toEqual(first);

    const fresh = await seedDemo(deps, { ...options, previousToken: "tg_grt_unknown" });
    expect(fresh.token).not.toBe(first.token);

    const tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: first.tenantSlug } })).id;
    const servers = await db.server.findMany({ where: { tenantId } });
    expect(servers).toHaveLength(1);
    expect((await getCurrentPolicy(db, tenantId, servers[0]?.id ?? ""))?.version).toBe(1);
    expect((await listGrants(db, tenantId)).map((grant) => grant.label)).toEqual([
      "demo-agent",
      "demo-agent",
    ]);
  });
});
