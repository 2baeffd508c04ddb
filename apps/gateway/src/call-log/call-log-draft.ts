import { type CallLogRecord, type Decision, newId } from "@toolgate/db";
import type { AuthContext } from "../auth/authenticate";
import { sanitizeCallLogRecord } from "./sanitize-call-log-record";

/** The facts of one request, filled in as it is handled and turned into a call-log record at the end. */
export type CallLogDraft = {
  method: string;
  tool: string | null;
  decision: Decision;
  rule: string | null;
  message: string | null;
  policyVersion: number | null;
  upstreamStatus: number | null;
  held: boolean;
  argumentKeys: string[];
  arguments: unknown;
  sessionId: string | null;
};

/** A draft for a request with `method`, assumed allowed until something says otherwise. */
export function newCallLogDraft(method: string): CallLogDraft {
  return {
    method,
    tool: null,
    decision: "allow",
    rule: null,
    message: null,
    policyVersion: null,
    upstreamStatus: null,
    held: false,
    argumentKeys: [],
    arguments: null,
    sessionId: null,
  };
}

/**
 * A request the policy let through that the upstream failed (HTTP >= 500, a JSON-RPC error, a tool's
 * `isError` result) has the outcome `error`, kept apart from policy denials; the rule that let it
 * through stays on the record.
 */
export function recordUpstreamFailure(draft: CallLogDraft, message: string | null): void {
  draft.decision = "error";
  if (message !== null) draft.message = message;
}

/** The stored record, made storable whatever the client sent; argument values only for tenants that opted in. */
export function toCallLogRecord(
  auth: AuthContext,
  draft: CallLogDraft,
  startedAtMs: number,
  latencyMs: number,
): CallLogRecord {
  return sanitizeCallLogRecord({
    id: newId("req"),
    tenantId: auth.server.tenantId,
    serverId: auth.server.id,
    grantId: auth.grant.id,
    grantLabel: auth.grant.label,
    sessionId: draft.sessionId,
    method: draft.method,
    tool: draft.tool,
    decision: draft.decision,
    rule: draft.rule,
    message: draft.message,
    policyVersion: draft.policyVersion,
    upstreamStatus: draft.upstreamStatus,
    latencyMs,
    held: draft.held,
    argumentKeys: draft.argumentKeys,
    arguments: auth.server.logArgumentValues ? (draft.arguments ?? null) : null,
    createdAt: new Date(startedAtMs),
  });
}
