import { templateAsGlob } from "./canonical-uri";
import type { AccessRules, CompiledPolicy } from "./compile/compiled-policy";
import { limitCheck } from "./compile/limit-key";
import { resolveAccess } from "./compile/resolve-access";
import { type Decision, RULE_LABELS } from "./decision";

/** A resources/read (or resources/subscribe) of `name` = the URI, or a prompts/get of `name`. */
export type AccessContext = {
  kind: "resource" | "prompt";
  name: string;
  tenantId: string;
  serverId: string;
  grantId: string;
  sessionId?: string | undefined;
};

function rulesOf(policy: CompiledPolicy, kind: "resource" | "prompt"): AccessRules {
  return kind === "resource" ? policy.resources : policy.prompts;
}

/**
 * Decides one resource read or prompt get. Order: hidden → deny → approval → limits → allow; with no
 * rule, `default` decides, as for tools.
 */
export function evaluateAccess(policy: CompiledPolicy, request: AccessContext): Decision {
  const resolution = resolveAccess(rulesOf(policy, request.kind), policy.defaultAction, request.name);
  if (resolution.fixed) return resolution.fixed;
  const rule = resolution.rule;
  if (!rule) return { outcome: "allow", rule: RULE_LABELS.defaultAllow };
  const limits = rule.limits.map((limit) =>
    limitCheck(limit, request.tenantId, request.serverId, request.grantId, request.sessionId),
  );
  if (rule.action === "require_approval") {
    return {
      outcome: "require_approval",
      rule: rule.pointer,
      timeoutSeconds: rule.timeoutSeconds,
      approvalBy: rule.approvalBy,
      limits,
    };
  }
  return { outcome: "check_limits", rule: rule.pointer, limits };
}

/** Whether a resource (by URI) or prompt (by name) is listed: reading (getting) it can be allowed. */
export function isAccessVisible(policy: CompiledPolicy, kind: "resource" | "prompt", name: string): boolean {
  return resolveAccess(rulesOf(policy, kind), policy.defaultAction, name).visible;
}

/**
 * Whether a resource template is listed (and completions for it answered): the rule its URI pattern
 * resolves to, with each `{expression}` read as `*`, allows it.
 */
export function isResourceTemplateVisible(policy: CompiledPolicy, uriTemplate: string): boolean {
  return isAccessVisible(policy, "resource", templateAsGlob(uriTemplate));
}

/** The resources of a resources/list result the policy lets an agent read, order kept. */
export function filterResourceList<T extends { uri: string }>(policy: CompiledPolicy, resources: T[]): T[] {
  return resources.filter((resource) => isAccessVisible(policy, "resource", resource.uri));
}

/** The templates of a resources/templates/list result the policy lets an agent read, order kept. */
export function filterResourceTemplateList<T extends { uriTemplate: string }>(
  policy: CompiledPolicy,
  templates: T[],
): T[] {
  return templates.filter((template) => isResourceTemplateVisible(policy, template.uriTemplate));
}

/** The prompts of a prompts/list result the policy lets an agent get, order kept. */
export function filterPromptList<T extends { name: string }>(policy: CompiledPolicy, prompts: T[]): T[] {
  return prompts.filter((prompt) => isAccessVisible(policy, "prompt", prompt.name));
}
