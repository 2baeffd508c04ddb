import { type PolicyIssue, parsePolicyJson } from "@toolgate/policy-core";

export type PolicyCheck = { ok: true } | { ok: false; issues: PolicyIssue[] };

/** Checks policy JSON text against the v1 schema; issues carry JSON-pointer paths. */
export function validatePolicy(text: string): PolicyCheck {
  const result = parsePolicyJson(text);
  return result.ok ? { ok: true } : { ok: false, issues: result.issues };
}
