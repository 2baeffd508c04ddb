import type { Approver, Decision, LimitScope } from "../decision";
import type { Glob } from "../glob";
import type { Policy } from "../schema/policy-schema";
import type { CompiledCondition } from "./compile-condition";

export type CompiledLimit = {
  readonly counter: string;
  readonly scope: LimitScope;
  readonly windowSeconds: number;
  readonly max: number;
  readonly rule: string;
  /** "<counter, escaped>:<windowSeconds>", the fixed tail of every key of this limit. */
  readonly keyTail: string;
};

export type GuardedCondition = {
  readonly condition: CompiledCondition;
  /** The denial returned when this condition stops a call (precomputed: no per-call work). */
  readonly denial: Decision;
};

export type CompiledRule = {
  readonly key: string;
  readonly canonical: string;
  readonly pointer: string;
  readonly glob: Glob | undefined;
  readonly action: "allow" | "deny" | "require_approval";
  readonly message: string | undefined;
  readonly denyIf: readonly GuardedCondition[];
  readonly require: readonly GuardedCondition[];
  /** The rule's own limits followed by all_tools limits, one per counter. */
  readonly limits: readonly CompiledLimit[];
  readonly timeoutSeconds: number;
  readonly approvalBy: Approver;
};

/** How one tool name (as called) resolves; cached per name. */
export type Resolution = {
  readonly name: string;
  readonly canonical: string;
  readonly hidden: boolean;
  readonly rule: CompiledRule | undefined;
  /** Listed in tools/list: some call to it could be allowed. */
  readonly visible: boolean;
  /** The decision when it does not depend on the call's arguments or ids. */
  readonly fixed: Decision | undefined;
};

/** A policy compiled for evaluation. Opaque to callers: build it with compilePolicy. */
export type CompiledPolicy = {
  readonly source: Policy;
  readonly defaultAction: "allow" | "deny";
  readonly exact: ReadonlyMap<string, CompiledRule>;
  /** Glob rules, most specific first. */
  readonly globs: readonly CompiledRule[];
  readonly hideExact: ReadonlySet<string>;
  readonly hideGlobs: readonly Glob[];
  readonly allToolsLimits: readonly CompiledLimit[];
  readonly cache: Map<string, Resolution>;
};
