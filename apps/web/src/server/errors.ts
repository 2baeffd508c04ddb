import { DbError, PolicyConflictError } from "@toolgate/db";
import { UpstreamError, type UpstreamErrorCode } from "@toolgate/upstream";
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
  // The service says when to try again.
  rate_limited: null,
  unavailable: null,
};

const dbMessages: Record<string, string> = {
  email_taken: "That email is already registered. Log in instead.",
  not_found: "That item does not exist, or it belongs to another organisation.",
  last_admin: "An organisation needs at least one admin. Make someone else an admin first.",
  invite_unusable:
    "This invite link is invalid, has expired or was already used. Ask an admin for a new one.",
  already_member: "You are already a member of this organisation.",
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
  if (error instanceof UpstreamError) return `Could not connect to the server: ${upstreamHint(error)}`;
  console.error("[web] unexpected error", error);
  return "Something went wrong on our side. Try again; if it keeps happening, contact support.";
}

const upstreamHints: Record<UpstreamErrorCode, string> = {
  dns: "its host name does not resolve (DNS).",
  refused: "nothing is listening at that address (connection refused).",
  tls: "its TLS certificate was not accepted.",
  timeout: "it did not answer in time.",
  unauthorized: "it refused the credentials (401/403). Check the upstream headers.",
  not_mcp: "it answered, but not as an MCP server. Check the URL path (often /mcp or /sse).",
  blocked_address: "that address is private or local, which this installation does not allow.",
  bad_url: "the URL is not valid.",
  http_error: "it answered with an HTTP error.",
};

/** The upstream failure in plain words, with the upstream's own detail after it. */
function upstreamHint(error: UpstreamError): string {
  return `${upstreamHints[error.code]} (${error.message})`;
}
