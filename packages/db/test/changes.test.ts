import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CHANGE_CHANNEL,
  type ChangeEvent,
  createGrant,
  createServer,
  InvalidChangePayloadError,
  listenForChanges,
  notifyChange,
  publishPolicy,
  revokeGrant,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";
import { testDatabaseUrl } from "./support/test-env";

const db = useTestDb();

/** Collects events for one tenant; `next(n)` resolves once n have arrived. */
function collector(tenantId: string) {
  const events: ChangeEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    events,
    onEvent(event: ChangeEvent) {
      if (event.tenantId !== tenantId) return;
      events.push(event);
      for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
    },
    until(count: number): Promise<void> {
      if (events.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

describe("notifyChange / listenForChanges", () => {
  it("delivers events sent by notifyChange and by the repositories", async () => {
    const { tenant } = await newTenant(db);
    const seen = collector(tenant.id);
    const listener = await listenForChanges(testDatabaseUrl(), (e) => seen.onEvent(e));
    try {
      await notifyChange(db, { kind: "tenant", tenantId: tenant.id });
      const server = await createServer(db, tenant.id, {
        name: "n",
        url: "http://127.0.0.1:9/mcp",
        transport: "streamable_http",
        headersSealed: null,
      });
      await publishPolicy(db, tenant.id, server.id, { document: { version: "1", default: "allow" } });
      const grant = await createGrant(db, tenant.id, {
        label: "g",
        tokenHash: uniqueHash(),
        tokenPrefix: "tg_",
      });
      await revokeGrant(db, tenant.id, grant.id);
      await seen.until(4);
      expect(seen.events).toEqual([
        { kind: "tenant", tenantId: tenant.id },
        { kind: "server", tenantId: tenant.id, serverId: server.id },
        { kind: "policy", tenantId: tenant.id, serverId: server.id },
        { kind: "grant", tenantId: tenant.id, grantId: grant.id, tokenHash: grant.tokenHash },
      ]);
    } finally {
      await listener.close();
    }
  });

  it("reports an invalid payload instead of delivering it", async () => {
    const { tenant } = await newTenant(db);
    const seen = collector(tenant.id);
    const errors: unknown[] = [];
    const listener = await listenForChanges(testDatabaseUrl(), (e) => seen.onEvent(e), {
      onError: (error) => errors.push(error),
    });
    try {
      const bogus = JSON.stringify({ kind: "policy", tenantId: tenant.id });
      await db.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${bogus})`;
      await db.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${"not json"})`;
      await notifyChange(db, { kind: "tenant", tenantId: tenant.id });
      await seen.until(1);
      expect(seen.events).toEqual([{ kind: "tenant", tenantId: tenant.id }]);
      expect(errors.filter((e) => e instanceof InvalidChangePayloadError)).toHaveLength(2);
    } finally {
      await listener.close();
    }
  });

  it("reconnects after the connection is killed and keeps delivering", async () => {
    const { tenant } = await newTenant(db);
    const seen = collector(tenant.id);
    const applicationName = `tg-listener-${randomUUID().slice(0, 8)}`;
    const onReconnect: (() => void)[] = [];
    const reconnect = new Promise<void>((resolve) => onReconnect.push(resolve));
    const listener = await listenForChanges(testDatabaseUrl(), (e) => seen.onEvent(e), {
      applicationName,
      onReconnect: () => {
        for (const resolve of onReconnect) resolve();
      },
    });
    try {
      await notifyChange(db, { kind: "tenant", tenantId: tenant.id });
      await seen.until(1);
      const killed = await db.$queryRaw<{ ok: boolean }[]>`
        SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ${applicationName}`;
      expect(killed).toEqual([{ ok: true }]);
      await reconnect;
      await notifyChange(db, { kind: "server", tenantId: tenant.id, serverId: "srv_after" });
      await seen.until(2);
      expect(seen.events[1]).toEqual({ kind: "server", tenantId: tenant.id, serverId: "srv_after" });
    } finally {
      await listener.close();
    }
  });
});
