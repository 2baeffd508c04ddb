import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AlreadyMemberError,
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  changeMemberRole,
  createInvite,
  EmailTakenError,
  findOpenInvite,
  InviteUnusableError,
  LastAdminError,
  listMembers,
  listOpenInvites,
  removeMember,
  revokeInvite,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";

const db = useTestDb();
const hour = 3_600_000;

async function inviteInto(tenantId: string, role: "admin" | "policy_manager" | "viewer" = "viewer") {
  const tokenHash = uniqueHash();
  const invite = await createInvite(db, tenantId, {
    role,
    tokenHash,
    expiresAt: new Date(Date.now() + hour),
  });
  return { invite, tokenHash };
}

describe("invites", () => {
  it("lets a new user join with the invite's role, once", async () => {
    const { tenant } = await newTenant(db);
    const { tokenHash } = await inviteInto(tenant.id, "policy_manager");
    expect((await findOpenInvite(db, tokenHash, new Date()))?.tenant.id).toBe(tenant.id);
    const email = `new-${randomUUID()}@example.test`;
    const { user, membership } = await acceptInviteAsNewUser(db, {
      tokenHash,
      email,
      passwordHash: "h",
      now: new Date(),
    });
    expect(membership).toMatchObject({ tenantId: tenant.id, userId: user.id, role: "policy_manager" });
    expect(await findOpenInvite(db, tokenHash, new Date())).toBeNull();
    await expect(
      acceptInviteAsNewUser(db, { tokenHash, email: `x-${email}`, passwordHash: "h", now: new Date() }),
    ).rejects.toBeInstanceOf(InviteUnusableError);
  });

  it("refuses an expired invite and leaves no user behind", async () => {
    const { tenant } = await newTenant(db);
    const tokenHash = uniqueHash();
    await createInvite(db, tenant.id, { role: "viewer", tokenHash, expiresAt: new Date(Date.now() - 1) });
    const email = `late-${randomUUID()}@example.test`;
    await expect(
      acceptInviteAsNewUser(db, { tokenHash, email, passwordHash: "h", now: new Date() }),
    ).rejects.toBeInstanceOf(InviteUnusableError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("lets only one of two concurrent acceptances use an invite", async () => {
    const { tenant } = await newTenant(db);
    const { tokenHash } = await inviteInto(tenant.id);
    const results = await Promise.allSettled(
      [1, 2].map((n) =>
        acceptInviteAsNewUser(db, {
          tokenHash,
          email: `race-${n}-${randomUUID()}@example.test`,
          passwordHash: "h",
          now: new Date(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listMembers(db, tenant.id)).toHaveLength(2);
  });

  it("adds an existing user, but not twice, and not with a taken e-mail as a new user", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const { tokenHash } = await inviteInto(a.tenant.id);
    await expect(
      acceptInviteAsNewUser(db, { tokenHash, email: b.user.email, passwordHash: "h", now: new Date() }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    // the failed attempt rolled back: the invite is still usable
    const membership = await acceptInviteAsUser(db, { tokenHash, userId: b.user.id, now: new Date() });
    expect(membership.tenantId).toBe(a.tenant.id);
    const again = await inviteInto(a.tenant.id);
    await expect(
      acceptInviteAsUser(db, { tokenHash: again.tokenHash, userId: b.user.id, now: new Date() }),
    ).rejects.toBeInstanceOf(AlreadyMemberError);
  });

  it("lists and revokes only the tenant's open invites", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const { invite } = await inviteInto(a.tenant.id);
    expect((await listOpenInvites(db, a.tenant.id, new Date())).map((i) => i.id)).toEqual([invite.id]);
    expect(await revokeInvite(db, b.tenant.id, invite.id)).toBe(false);
    expect(await revokeInvite(db, a.tenant.id, invite.id)).toBe(true);
    expect(await listOpenInvites(db, a.tenant.id, new Date())).toEqual([]);
  });
});

describe("members", () => {
  async function tenantWithViewer() {
    const owner = await newTenant(db);
    const { tokenHash } = await inviteInto(owner.tenant.id);
    const joined = await acceptInviteAsNewUser(db, {
      tokenHash,
      email: `member-${randomUUID()}@example.test`,
      passwordHash: "h",
      now: new Date(),
    });
    const members = await listMembers(db, owner.tenant.id);
    const admin = members.find((m) => m.role === "admin");
    if (admin === undefined) throw new Error("no admin");
    return { tenantId: owner.tenant.id, admin, viewer: joined.membership };
  }

  it("never demotes or removes the last admin", async () => {
    const { tenantId, admin } = await tenantWithViewer();
    await expect(changeMemberRole(db, tenantId, admin.id, "viewer")).rejects.toBeInstanceOf(LastAdminError);
    await expect(removeMember(db, tenantId, admin.id)).rejects.toMatchObject({ code: "last_admin" });
    expect((await listMembers(db, tenantId)).map((m) => m.role).sort()).toEqual(["admin", "viewer"]);
  });

  it("lets an admin step down once another admin exists", async () => {
    const { tenantId, admin, viewer } = await tenantWithViewer();
    expect((await changeMemberRole(db, tenantId, viewer.id, "admin"))?.role).toBe("admin");
    expect((await changeMemberRole(db, tenantId, admin.id, "viewer"))?.role).toBe("viewer");
    expect(await removeMember(db, tenantId, admin.id)).not.toBeNull();
    expect((await listMembers(db, tenantId)).map((m) => m.id)).toEqual([viewer.id]);
  });

  it("keeps one admin when two admins demote each other at the same time", async () => {
    const { tenantId, admin, viewer } = await tenantWithViewer();
    await changeMemberRole(db, tenantId, viewer.id, "admin");
    const results = await Promise.allSettled([
      changeMemberRole(db, tenantId, admin.id, "viewer"),
      changeMemberRole(db, tenantId, viewer.id, "viewer"),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((await listMembers(db, tenantId)).filter((m) => m.role === "admin")).toHaveLength(1);
  });

  it("does not touch another tenant's member", async () => {
    const { tenantId, viewer } = await tenantWithViewer();
    const other = await newTenant(db);
    expect(await changeMemberRole(db, other.tenant.id, viewer.id, "admin")).toBeNull();
    expect(await removeMember(db, other.tenant.id, viewer.id)).toBeNull();
    expect((await listMembers(db, tenantId)).find((m) => m.id === viewer.id)?.role).toBe("viewer");
    expect(await listMembers(db, other.tenant.id)).toHaveLength(1);
  });
});
