import { getTenant, listMemberships } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { userMessage } from "../errors";
import { authenticate } from "./authenticate";
import { signUp, signUpInputSchema } from "./sign-up";

const db = testDb();
afterAll(() => db.$disconnect());

describe("signUp", () => {
  it("creates the organisation with the new user as its admin", async () => {
    const account = await newTenant(db, "Acme");
    const tenant = await getTenant(db, account.tenantId);
    expect(tenant?.name).toMatch(/^Acme /);
    expect(account.tenantSlug).toMatch(/^acme-/);
    const memberships = await listMemberships(db, account.userId);
    expect(memberships.map((m) => [m.tenantId, m.role])).toEqual([[account.tenantId, "admin"]]);
  });

  it("refuses an email that is already registered, with a clear message", async () => {
    const first = await newTenant(db);
    const again = signUp(db, {
      email: first.email.toUpperCase(),
      password: "another-password",
      organisationName: "Other",
    });
    const error = await again.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(userMessage(error)).toBe("That email is already registered. Log in instead.");
  });

  it("requires a password of at least 10 characters", () => {
    const parsed = signUpInputSchema.safeParse({
      email: "a@example.test",
      password: "short",
      organisationName: "Org",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["password"]);
  });

  it("lets the new user log in with that password only", async () => {
    const account = await newTenant(db);
    const ok = await authenticate(db, { email: account.email, password: account.password });
    expect(ok).toEqual({
      userId: account.userId,
      email: account.email,
      tenantId: account.tenantId,
      role: "admin",
    });
    expect(await authenticate(db, { email: account.email, password: `${account.password}x` })).toBeNull();
  });
});
