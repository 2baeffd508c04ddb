import { AppError } from "../app-error";
import type { SessionContext } from "../context";

/** API keys can grant any role, so only admins may manage them. */
export function assertAdmin(ctx: SessionContext): void {
  if (ctx.role !== "admin") {
    throw new AppError("forbidden", `The ${ctx.role} role cannot manage API keys.`);
  }
}
