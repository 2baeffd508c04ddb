import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { createDb, createUserWithTenant, type Db, type Tenant, type User } from "../../src/index";
import { testDatabaseUrl } from "./test-env";

/** One client per test file, closed after the file. */
export function useTestDb(): Db {
  const db = createDb(testDatabaseUrl());
  afterAll(() => db.$disconnect());
  return db;
}

/** A fresh tenant (unique slug) with its admin user, so tests never share rows. */
export async function newTenant(db: Db, name = "Test Org"): Promise<{ tenant: Tenant; user: User }> {
  const { tenant, user } = await createUserWithTenant(db, {
    email: `user-${randomUUID()}@example.test`,
    passwordHash: "scrypt$test",
    tenantName: `${name} ${randomUUID().slice(0, 8)}`,
  });
  return { tenant, user };
}

/** A token hash unique to this call. */
export function uniqueHash(): string {
  return `sha256-${randomUUID()}`;
}
