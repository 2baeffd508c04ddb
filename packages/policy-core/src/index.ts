export { canonicalToolName } from "./canonical-name";
export { compilePolicy } from "./compile/compile-policy";
export type { CompiledPolicy } from "./compile/compiled-policy";
export {
  type Approver,
  type CallContext,
  DEFAULT_APPROVAL_TIMEOUT_SECONDS,
  type Decision,
  type LimitCheck,
  type LimitScope,
  RULE_LABELS,
} from "./decision";
export { diffPolicyDocuments, type PolicyChange } from "./diff";
export { PolicyError, type PolicyErrorCode } from "./errors";
export { evaluateCall } from "./evaluate-call";
export { explainDecision } from "./explain-decision";
export { describeLimitDenial, formatDenial } from "./format-denial";
export { escapePointerToken, toJsonPointer } from "./json-pointer";
export { retryAfterSeconds, windowStartSeconds } from "./limit-window";
export { type LintWarning, lintPolicy } from "./lint-policy";
export { type ParseResult, type PolicyIssue, parsePolicy, parsePolicyJson } from "./parse-policy";
export { policyJsonSchema } from "./policy-json-schema";
export { recommendPolicy } from "./recommend-policy";
export { classifyTool } from "./risk/classify-tool";
export type { RiskClass, RiskLevel, ToolCategory, ToolDefinition } from "./risk/risk-types";
export {
  CONDITION_OPS,
  type ConditionOp,
  LIMIT_SCOPES,
  type Policy,
  type PolicyCondition,
  type PolicyLimit,
  type PolicyRule,
  policySchema,
} from "./schema/policy-schema";
export { filterToolList, isToolVisible } from "./tool-visibility";
