import { describe, expect, it } from "vitest";
import {
  createServer,
  getCurrentPolicy,
  listPolicyVersions,
  NotFoundError,
  PolicyConflictError,
  publishPolicy,
} from "../src/index";
import { newTenant, useTestDb } from "./support/test-db";

const db = useTestDb();

const canonical = {
  version: "1",
  default: "deny",
  tools: { MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] } },
};

async function tenantWithServer() {
  const { tenant, user } = await newTenant(db);
  const server = await createServer(db, tenant.id, {
    name: "Hypervisor",
    url: "http://127.0.0.1:9/mcp",
    transport: "streamable_http",
    headersSealed: null,
  });
  return { tenant, user, server };
}

describe("publishPolicy", () => {
  it("numbers versions 1, 2… and keeps every version", async () => {
    const { tenant, user, server } = await tenantWithServer();
    expect(await getCurrentPolicy(db, tenant.id, server.id)).toBeNull();
    const v1 = await publishPolicy(db, tenant.id, server.id, { document: canonical, authorId: user.id });
    const v2 = await publishPolicy(db, tenant.id, server.id, {
      document: { ...canonical, default: "allow" },
      message: "open up",
      baseVersion: 1,
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.id).toMatch(/^pv_/);
    expect(v2.message).toBe("open up");
    expect(await getCurrentPolicy(db, tenant.id, server.id)).toEqual({
      version: 2,
      document: { ...canonical, default: "allow" },
    });
    const versions = await listPolicyVersions(db, tenant.id, server.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]?.document).toEqual(canonical);
  });

  it("rejects a publish based on a stale version", async () => {
    const { tenant, server } = await tenantWithServer();
    await publishPolicy(db, tenant.id, server.id, { document: canonical, baseVersion: null });
    await publishPolicy(db, tenant.id, server.id, { document: canonical, baseVersion: 1 });
    const stale = publishPolicy(db, tenant.id, server.id, { document: canonical, baseVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(PolicyConflictError);
    await expect(stale).rejects.toMatchObject({ code: "policy_conflict", currentVersion: 2 });
    const firstEver = publishPolicy(db, tenant.id, server.id, { document: canonical, baseVersion: null });
    await expect(firstEver).rejects.toMatchObject({ currentVersion: 2 });
    expect((await getCurrentPolicy(db, tenant.id, server.id))?.version).toBe(2);
  });

  it("lets exactly one of two concurrent publishes from the same base win", async () => {
    const { tenant, server } = await tenantWithServer();
    await publishPolicy(db, tenant.id, server.id, { document: canonical });
    const results = await Promise.allSettled(
      [1, 2].map(() => publishPolicy(db, tenant.id, server.id, { document: canonical, baseVersion: 1 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(PolicyConflictError);
    expect((await listPolicyVersions(db, tenant.id, server.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it("serialises concurrent publishes without a base into consecutive versions", async () => {
    const { tenant, server } = await tenantWithServer();
    await Promise.all(
      Array.from({ length: 5 }, () => publishPolicy(db, tenant.id, server.id, { document: canonical })),
    );
    expect((await listPolicyVersions(db, tenant.id, server.id)).map((v) => v.version)).toEqual([
      5, 4, 3, 2, 1,
    ]);
  });

  it("keeps other tenants out", async () => {
    const a = await tenantWithServer();
    const b = await newTenant(db);
    await publishPolicy(db, a.tenant.id, a.server.id, { document: canonical });
    const intrusion = publishPolicy(db, b.tenant.id, a.server.id, {
      document: { version: "1", default: "allow" },
    });
    await expect(intrusion).rejects.toBeInstanceOf(NotFoundError);
    expect(await getCurrentPolicy(db, b.tenant.id, a.server.id)).toBeNull();
    expect(await listPolicyVersions(db, b.tenant.id, a.server.id)).toEqual([]);
    expect(await getCurrentPolicy(db, a.tenant.id, a.server.id)).toEqual({ version: 1, document: canonical });
  });
});
