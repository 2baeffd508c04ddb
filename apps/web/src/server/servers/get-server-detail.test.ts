import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { getServerDetail } from "./get-server-detail";
import { listServers } from "./list-servers";

const db = testDb();
const deps = { db, gatewayUrl: "http://localhost:4000" };
afterAll(() => db.$disconnect());

describe("getServerDetail", () => {
  it("shows the tenant its server with the gateway URL built from the slugs", async () => {
    const account = await newTenant(db);
    const server = await newServerRow(db, account.tenantId, "Virtualization Lab");
    const detail = await getServerDetail(deps, account.ctx, server.id);
    expect(detail.server.name).toBe("Virtualization Lab");
    expect(detail.gatewayUrl).toBe(`http://localhost:4000/${account.tenantSlug}/${server.slug}/mcp`);
    expect(detail.policy.version).toBeNull();
    // The starting draft: no tool yet; read-only resources and prompts allowed (what "Apply recommended" does).
    expect(detail.policy.document).toEqual({
      version: "1",
      default: "deny",
      tools: {},
      resources: { "*": {} },
      prompts: { "*": {} },
    });
  });

  it("does not let tenant B read tenant A's server", async () => {
    const a = await newTenant(db, "a");
    const b = await newTenant(db, "b");
    const server = await newServerRow(db, a.tenantId);
    await expect(getServerDetail(deps, b.ctx, server.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listServers(db, b.ctx)).toEqual([]);
  });

  it("never exposes the sealed upstream headers", async () => {
    const account = await newTenant(db);
    const server = await newServerRow(db, account.tenantId);
    const detail = await getServerDetail(deps, account.ctx, server.id);
    expect(Object.keys(detail.server)).not.toContain("headersSealed");
  });
});
