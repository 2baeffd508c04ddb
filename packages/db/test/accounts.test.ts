import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createUserWithTenant,
  EmailTakenError,
  findUserByEmail,
  getTenant,
  listMemberships,
} from "../src/index";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

describe("createUserWithTenant", () => {
  it("creates the user, a tenant and an admin membership", async () => {
    const email = `Ada-${randomUUID()}@Example.TEST`;
    const { user, tenant, membership } = await createUserWithTenant(db, {
      email,
      passwordHash: "hash",
      name: "Ada",
      tenantName: `Analytical Engines ${randomUUID().slice(0, 6)}`,
    });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.id).toMatch(/^usr_/);
    expect(tenant.id).toMatch(/^ten_/);
    expect(tenant.slug).toMatch(/^analytical-engines-[a-z0-9]+$/);
    expect(membership).toMatchObject({ tenantId: tenant.id, userId: user.id, role: "admin" });
    expect(await getTenant(db, tenant.id)).toEqual(tenant);
  });

  it("derives unique slugs by suffixing -2, -3", async () => {
    const name = `Slug Clash ${randomUUID().slice(0, 8)}!`;
    const make = () =>
      createUserWithTenant(db, {
        email: `${randomUUID()}@example.test`,
        passwordHash: "h",
        tenantName: name,
      });
    const first = await make();
    const second = await make();
    const third = await make();
    const base = first.tenant.slug;
    expect(base).toMatch(/^[a-z0-9-]+$/);
    expect(second.tenant.slug).toBe(`${base}-2`);
    expect(third.tenant.slug).toBe(`${base}-3`);
  });

  it("gives concurrent sign-ups with the same tenant name distinct slugs", async () => {
    const name = `Race ${randomUUID().slice(0, 8)}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        createUserWithTenant(db, {
          email: `${randomUUID()}@example.test`,
          passwordHash: "h",
          tenantName: name,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.tenant.slug)).size).toBe(5);
  });

  it("rejects a taken e-mail, whatever its case, and leaves no tenant behind", async () => {
    const email = `taken-${randomUUID()}@example.test`;
    const tenantName = `Taken ${randomUUID()}`;
    await createUserWithTenant(db, { email, passwordHash: "h", tenantName });
    const again = createUserWithTenant(db, { email: email.toUpperCase(), passwordHash: "h", tenantName });
    await expect(again).rejects.toBeInstanceOf(EmailTakenError);
    await expect(again).rejects.toMatchObject({ code: "email_taken" });
    expect(await db.tenant.count({ where: { name: tenantName } })).toBe(1);
  });

  it("reports a concurrent duplicate sign-up as EmailTakenError, creating one account", async () => {
    const email = `dup-${randomUUID()}@example.test`;
    const attempts = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        createUserWithTenant(db, { email, passwordHash: "h", tenantName: `Dup ${randomUUID()}` }),
      ),
    );
    const rejected = attempts.filter((a) => a.status === "rejected");
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(EmailTakenError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("findUserByEmail and listMemberships", () => {
  it("finds users case-insensitively and lists their tenants", async () => {
    const email = `find-${randomUUID()}@example.test`;
    const { user, tenant } = await createUserWithTenant(db, {
      email,
      passwordHash: "h",
      tenantName: "Find Me",
    });
    expect((await findUserByEmail(db, `  ${email.toUpperCase()} `))?.id).toBe(user.id);
    expect(await findUserByEmail(db, `nobody-${randomUUID()}@example.test`)).toBeNull();
    const memberships = await listMemberships(db, user.id);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]?.tenant.id).toBe(tenant.id);
  });
});
