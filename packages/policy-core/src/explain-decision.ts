import { canonicalToolName } from "./canonical-name";
import type { CompiledPolicy } from "./compile/compiled-policy";
import { resolveTool } from "./compile/resolve-tool";
import type { CallContext, Decision, LimitCheck } from "./decision";
import { describeLimitDenial } from "./format-denial";
import { compileGlob } from "./glob";
import { describeWindow } from "./schema/units";

/** A plain-language account of why a call got its decision (for the simulator and logs). */
export function explainDecision(policy: CompiledPolicy, call: CallContext, decision: Decision): string {
  const resolution = resolveTool(policy, call.tool);
  const lines: string[] = [];
  const shownName =
    resolution.canonical === call.tool
      ? `Tool "${call.tool}"`
      : `Tool "${call.tool}" (matched as "${resolution.canonical}")`;
  if (resolution.hidden) {
    lines.push(
      `${shownName} is hidden by ${hidingEntry(policy, resolution.canonical)}, so it is not listed and calls are denied.`,
    );
  } else if (resolution.rule) {
    const rule = resolution.rule;
    const how = rule.glob ? `the glob "${rule.key}", the most specific matching key` : "its exact name";
    lines.push(
      `${shownName} is governed by rule ${rule.pointer} (matched by ${how}; action ${rule.action}).`,
    );
  } else {
    lines.push(`${shownName} matches no rule, so the default "${policy.defaultAction}" applies.`);
  }
  lines.push(describeOutcome(decision));
  return lines.join("\n");
}

function describeOutcome(decision: Decision): string {
  switch (decision.outcome) {
    case "deny":
      return `Denied by ${decision.rule}: ${decision.reason}`;
    case "allow":
      return `Allowed by ${decision.rule}; no limits apply.`;
    case "check_limits":
      return [
        `Allowed by ${decision.rule} if every limit has room:`,
        ...decision.limits.map(describeCheck),
      ].join("\n");
    case "require_approval":
      return [
        `Held for human approval by ${decision.rule}; it expires after ${describeWindow(decision.timeoutSeconds)} without a decision.`,
        ...(decision.limits.length > 0
          ? ["Once approved, every limit must have room:", ...decision.limits.map(describeCheck)]
          : []),
      ].join("\n");
  }
}

function describeCheck(limit: LimitCheck): string {
  const text = describeLimitDenial(limit)
    .replace(/^Rate limit reached: /, "")
    .replace(/\.$/, "");
  return `- ${text} from ${limit.rule}`;
}

function hidingEntry(policy: CompiledPolicy, canonical: string): string {
  const entries = policy.source.hide ?? [];
  for (const [index, entry] of entries.entries()) {
    if (compileGlob(canonicalToolName(entry)).matches(canonical)) return `/hide/${index} ("${entry}")`;
  }
  return "the hide list";
}
