import { randomUUID } from "node:crypto";
import { createDb, createServer, type Db } from "@toolgate/db";
import { signUp } from "../src/server/accounts/sign-up";
import type { SessionContext } from "../src/server/context";
import { testDatabaseUrl } from "./test-env";

let shared: Db | undefined;

/** One client per test file, on the test database. */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl());
  return shared;
}

/** Signs up a fresh user and organisation, so each test owns its tenant. */
export async function newTenant(db: Db, label = "org") {
  const unique = randomUUID().slice(0, 8);
  const email = `${label}-${unique}@example.test`;
  const password = `pw-${unique}-long-enough`;
  const account = await signUp(db, { email, password, organisationName: `${label} ${unique}` });
  const ctx: SessionContext = { userId: account.userId, tenantId: account.tenantId, role: account.role };
  return { ...account, email, password, ctx };
}

/** A server row registered directly, for tests that do not need a live upstream. */
export function newServerRow(db: Db, tenantId: string, name = "virtualization") {
  return createServer(db, tenantId, {
    name,
    url: "http://127.0.0.1:9/mcp",
    transport: "streamable_http",
    headersSealed: null,
  });
}
