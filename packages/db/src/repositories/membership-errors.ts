import { DbError } from "../errors";

/** The change would leave the tenant without an admin (remove or demote the last one). */
export class LastAdminError extends DbError {
  constructor() {
    super("last_admin", "An organisation needs at least one admin; promote someone else first.");
  }
}

/** The invite does not exist, was used already or has expired (indistinguishable on purpose). */
export class InviteUnusableError extends DbError {
  constructor() {
    super("invite_unusable", "This invite link is invalid, expired or already used.");
  }
}

/** The user is already a member of the tenant the invite is for. */
export class AlreadyMemberError extends DbError {
  constructor() {
    super("already_member", "You are already a member of this organisation.");
  }
}
