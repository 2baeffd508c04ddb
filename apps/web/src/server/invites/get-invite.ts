import { type Db, findOpenInvite } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { AppError } from "../app-error";

/** What the invite page shows before joining: the organisation and the role offered. */
export async function getInvite(db: Db, token: string, now = new Date()) {
  const invite = await findOpenInvite(db, hashToken(token), now);
  if (invite === null) {
    throw new AppError("not_found", "This invite link is invalid, has expired or was already used.");
  }
  return { organisationName: invite.tenant.name, role: invite.role, expiresAt: invite.expiresAt };
}
