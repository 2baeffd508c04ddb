import type { Role } from "@toolgate/db";
import { AppError } from "./app-error";

/** Who is acting and in which tenant; every service receives it from the edge. */
export type SessionContext = {
  userId: string;
  tenantId: string;
  role: Role;
};

/** What each role may do: admins everything, policy managers the configuration, viewers read. */
export type Permission =
  | "read"
  | "manage_servers"
  | "manage_policies"
  | "manage_grants"
  | "manage_members"
  | "read_audit"
  | "manage_webhooks"
  | "publish_catalogue";

const permissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set([
    "read",
    "manage_servers",
    "manage_policies",
    "manage_grants",
    "manage_members",
    "read_audit",
    "manage_webhooks",
    "publish_catalogue",
  ]),
  policy_manager: new Set(["read", "manage_servers", "manage_policies", "manage_grants"]),
  viewer: new Set(["read"]),
};

/** Whether the role carries the permission (used by pages to hide controls). */
export function can(role: Role, permission: Permission): boolean {
  return permissions[role].has(permission);
}

/** Throws a `forbidden` AppError unless the session's role carries the permission. */
export function assertCan(ctx: SessionContext, permission: Permission): void {
  if (!can(ctx.role, permission)) {
    throw new AppError("forbidden", `The ${ctx.role} role cannot do this (${permission}).`);
  }
}
