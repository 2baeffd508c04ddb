import { describe, expect, it } from "vitest";
import {
  createGrant,
  createServer,
  deleteServer,
  findGrant,
  findGrantByTokenHash,
  GrantServerBoundError,
  listGrants,
  NotFoundError,
  serverToolPrefix,
  setServerToolPrefix,
  ToolPrefixTakenError,
  updateGrant,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";

const db = useTestDb();

function server(tenantId: string, name: string) {
  return createServer(db, tenantId, {
    name,
    url: "http://127.0.0.1:9/mcp",
    transport: "sse",
    headersSealed: null,
  });
}

describe("grants restricted to a subset of servers", () => {
  it("stores the subset and returns it from every read", async () => {
    const { tenant } = await newTenant(db);
    const [a, b] = await Promise.all([
      server(tenant.id, "a"),
      server(tenant.id, "b"),
      server(tenant.id, "c"),
    ]);
    const tokenHash = uniqueHash();
    const grant = await createGrant(db, tenant.id, {
      label: "two",
      tokenHash,
      tokenPrefix: "tg_",
      subsetServerIds: [b.id, a.id, a.id],
    });
    const expected = [a.id, b.id].sort();
    expect(grant).toMatchObject({ serverId: null, serverSubset: true });
    expect(grant.subsetServerIds).toEqual(expected);
    expect((await findGrantByTokenHash(db, tokenHash))?.subsetServerIds).toEqual(expected);
    expect((await findGrant(db, tenant.id, grant.id))?.subsetServerIds).toEqual(expected);
    expect((await listGrants(db, tenant.id))[0]?.subsetServerIds).toEqual(expected);
  });

  it("a tenant-wide grant has no subset", async () => {
    const { tenant } = await newTenant(db);
    const grant = await createGrant(db, tenant.id, {
      label: "all",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
    });
    expect(grant.subsetServerIds).toBeNull();
  });

  it("refuses another tenant's server in a subset, at creation and on update", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const own = await server(a.tenant.id, "own");
    const foreign = await server(b.tenant.id, "foreign");
    const create = createGrant(db, a.tenant.id, {
      label: "x",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      subsetServerIds: [own.id, foreign.id],
    });
    await expect(create).rejects.toBeInstanceOf(NotFoundError);
    const grant = await createGrant(db, a.tenant.id, {
      label: "y",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
    });
    await expect(
      updateGrant(db, a.tenant.id, grant.id, { subsetServerIds: [foreign.id] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await findGrant(db, a.tenant.id, grant.id))?.subsetServerIds).toBeNull();
    // nor can another tenant change the grant
    expect(await updateGrant(db, b.tenant.id, grant.id, { subsetServerIds: [foreign.id] })).toBeNull();
  });

  it("updates the subset, widens it back to every server, and renames", async () => {
    const { tenant } = await newTenant(db);
    const a = await server(tenant.id, "a");
    const b = await server(tenant.id, "b");
    const grant = await createGrant(db, tenant.id, {
      label: "g",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      subsetServerIds: [a.id],
    });
    const narrowed = await updateGrant(db, tenant.id, grant.id, {
      subsetServerIds: [b.id],
      label: "renamed",
    });
    expect(narrowed).toMatchObject({ label: "renamed", subsetServerIds: [b.id] });
    const none = await updateGrant(db, tenant.id, grant.id, { subsetServerIds: [] });
    expect(none?.subsetServerIds).toEqual([]);
    const widened = await updateGrant(db, tenant.id, grant.id, { subsetServerIds: null });
    expect(widened).toMatchObject({ serverSubset: false, subsetServerIds: null, label: "renamed" });
  });

  it("refuses a subset on a server-bound grant", async () => {
    const { tenant } = await newTenant(db);
    const a = await server(tenant.id, "a");
    const grant = await createGrant(db, tenant.id, {
      label: "bound",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      serverId: a.id,
    });
    await expect(updateGrant(db, tenant.id, grant.id, { subsetServerIds: [a.id] })).rejects.toBeInstanceOf(
      GrantServerBoundError,
    );
  });

  it("deleting a server drops it from subsets, and the grant does not widen", async () => {
    const { tenant } = await newTenant(db);
    const a = await server(tenant.id, "a");
    const b = await server(tenant.id, "b");
    const grant = await createGrant(db, tenant.id, {
      label: "g",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      subsetServerIds: [a.id, b.id],
    });
    expect(await deleteServer(db, tenant.id, a.id)).toBe(true);
    expect((await findGrant(db, tenant.id, grant.id))?.subsetServerIds).toEqual([b.id]);
    expect(await deleteServer(db, tenant.id, b.id)).toBe(true);
    expect(await findGrant(db, tenant.id, grant.id)).toMatchObject({
      serverSubset: true,
      subsetServerIds: [],
    });
  });
});

describe("server tool prefixes", () => {
  it("defaults to the slug and can be set and reset", async () => {
    const { tenant } = await newTenant(db);
    const a = await server(tenant.id, "Alpha");
    expect(serverToolPrefix(a)).toBe("alpha");
    const set = await setServerToolPrefix(db, tenant.id, a.id, "al");
    expect(set === null ? null : serverToolPrefix(set)).toBe("al");
    const reset = await setServerToolPrefix(db, tenant.id, a.id, null);
    expect(reset === null ? null : serverToolPrefix(reset)).toBe("alpha");
  });

  it("keeps effective prefixes unique within the tenant, not across tenants", async () => {
    const t1 = await newTenant(db);
    const t2 = await newTenant(db);
    const a = await server(t1.tenant.id, "alpha");
    const b = await server(t1.tenant.id, "beta");
    // another server's slug is its default prefix
    await expect(setServerToolPrefix(db, t1.tenant.id, b.id, "alpha")).rejects.toBeInstanceOf(
      ToolPrefixTakenError,
    );
    await setServerToolPrefix(db, t1.tenant.id, b.id, "shared");
    await expect(setServerToolPrefix(db, t1.tenant.id, a.id, "shared")).rejects.toThrow(
      "The tool prefix 'shared' is already used by the server 'beta'.",
    );
    const other = await server(t2.tenant.id, "gamma");
    expect((await setServerToolPrefix(db, t2.tenant.id, other.id, "shared"))?.toolPrefix).toBe("shared");
    // another tenant cannot touch the server
    expect(await setServerToolPrefix(db, t2.tenant.id, a.id, "x")).toBeNull();
  });

  it("a new server does not take a slug another server uses as its prefix", async () => {
    const { tenant } = await newTenant(db);
    const a = await server(tenant.id, "alpha");
    await setServerToolPrefix(db, tenant.id, a.id, "docs");
    const docs = await server(tenant.id, "docs");
    expect(docs.slug).not.toBe("docs");
    expect(serverToolPrefix(docs)).not.toBe("docs");
  });
});
