import { DbError, PolicyConflictError } from "@toolgate/db";
import { UpstreamError } from "@toolgate/upstream";
import { AppError, type AppErrorCode } from "./app-error";

const appMessages: Record<AppErrorCode, string | null> = {
  unauthenticated: "Your session has ended. Log in again.",
  forbidden: "Your role does not allow this. Ask an admin of your organisation.",
  not_found: "That item does not exist, or it belongs to another organisation.",
  invalid_credentials: "That email and password do not match an account.",
  no_membership: "Your account is not a member of any organisation.",
  // The service's own message already says what was wrong with the input.
  invalid_input: null,
  // The service says what changed meanwhile (e.g. an approval already decided).
  conflict: null,
};

const dbMessages: Record<string, string> = {
  email_taken: "That email is already registered. Log in instead.",
  not_found: "That item does not exist, or it belongs to another organisation.",
};

/**
 * Turns any failure into the sentence a user sees. Expected failures carry a stable code;
 * anything else is logged with its cause and shown as a generic message.
 */
export function userMessage(error: unknown): string {
  if (error instanceof AppError) return appMessages[error.code] ?? error.message;
  if (error instanceof PolicyConflictError) {
    return `Someone published version ${error.currentVersion ?? "?"} of this policy while you were editing. Reload the page to see it, then publish again.`;
  }
  if (error instanceof DbError) {
    const message = dbMessages[error.code];
    if (message !== undefined) return message;
  }
  if (error instanceof UpstreamError) return `Could not register the server: ${error.message}`;
  console.error("[web] unexpected error", error);
  return "Something went wrong on our side. Try again; if it keeps happening, contact support.";
}
