import { type CallLog, type CallLogCursor, type Db, getServer, listCallLogs } from "@toolgate/db";
import {
  type CompiledPolicy,
  compilePolicy,
  type Decision,
  evaluateAccess,
  evaluateCall,
  isAccessVisible,
  isResourceTemplateVisible,
  type Policy,
  type PolicyIssue,
  parsePolicyJson,
  RULE_LABELS,
} from "@toolgate/policy-core";
import { z } from "zod";
import { parseAccessLabel } from "@/builder/access-label";
import { ruleKeyOfPointer } from "@/builder/rule-pointer";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

export const REPLAY_DAYS = [1, 7, 30] as const;

export const replayInputSchema = z.object({
  serverId: z.string().min(1),
  documentText: z.string().max(1_000_000, "The policy is too large (1 MB at most)."),
  days: z.union([z.literal(1), z.literal(7), z.literal(30)]),
});

export type ReplayInput = z.infer<typeof replayInputSchema>;

/** What a call came to, at the level the policy decides. */
export type ReplayOutcome = "allowed" | "denied" | "approval";

export type ReplayChange = {
  tool: string;
  rule: string;
  from: ReplayOutcome;
  to: ReplayOutcome;
  count: number;
};
export type ReplayUnknown = { tool: string; rule: string; count: number };

export type ReplayReport = {
  since: Date;
  // tools/call, resources/read|subscribe, prompts/get and completion/complete rows in the window
  // that carried a policy decision
  compared: number;
  unchanged: number;
  changed: ReplayChange[];
  // calls whose outcome under the draft depends on argument values that were not recorded
  unknown: ReplayUnknown[];
  // rows left out: other methods, and calls that failed before a decision (decision "error")
  skipped: number;
  // the window held more rows than one replay reads; the newest ones were replayed
  truncated: boolean;
};

export type ReplayResult = { ok: true; report: ReplayReport } | { ok: false; issues: PolicyIssue[] };

const PAGE = 500;
const MAX_ROWS = 20_000;
const DAY_MS = 86_400_000;

function recordedOutcome(decision: CallLog["decision"]): ReplayOutcome | "limited" | undefined {
  switch (decision) {
    case "allow":
    case "approved":
      return "allowed";
    case "deny":
      return "denied";
    case "rate_limited":
      return "limited";
    case "approval_pending":
      return "approval";
    case "error":
      return undefined;
  }
}

function draftOutcome(decision: Decision): ReplayOutcome {
  if (decision.outcome === "deny") return "denied";
  if (decision.outcome === "require_approval") return "approval";
  return "allowed";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether the rule that decides a call without arguments has conditions on arguments. */
function dependsOnArguments(policy: Policy, decision: Decision): boolean {
  const key = ruleKeyOfPointer(decision.rule);
  if (key === undefined) return false;
  const rule = policy.tools?.[key];
  if (rule === undefined || rule.action === "deny") return false;
  return (rule.require?.length ?? 0) > 0 || (rule.deny_if?.length ?? 0) > 0;
}

type Tally = { changed: Map<string, ReplayChange>; unknown: Map<string, ReplayUnknown> };

// Resource reads and subscriptions, prompt gets: decided by the resources/prompts rules, as the gateway does.
const ACCESS_METHODS = new Set(["resources/read", "resources/subscribe", "prompts/get"]);
const COMPLETION = "completion/complete";

/** Whether replay decides rows of this method again (others are skipped). */
function isReplayed(row: CallLog): boolean {
  if (row.tool === null || row.decision === "error") return false;
  if (row.method === "tools/call") return true;
  return (
    (ACCESS_METHODS.has(row.method) || row.method === COMPLETION) && parseAccessLabel(row.tool) !== undefined
  );
}

/**
 * The draft's decision for a logged resource read, prompt get or completion (logged as
 * "resource:<uri>" / "prompt:<name>"). A completion is answered only for a prompt or template the
 * agent may see, with no limit or approval: allowed when listed, else denied by the rule that hides it.
 */
function accessDecision(compiled: CompiledPolicy, row: CallLog): Decision | undefined {
  const target = parseAccessLabel(row.tool ?? "");
  if (target === undefined) return undefined;
  const request = { ...target, tenantId: row.tenantId, serverId: row.serverId, grantId: row.grantId };
  if (row.method !== COMPLETION) return evaluateAccess(compiled, request);
  const listed =
    target.kind === "prompt"
      ? isAccessVisible(compiled, "prompt", target.name)
      : isResourceTemplateVisible(compiled, target.name);
  if (listed) return { outcome: "allow", rule: "(listed)" };
  const decision = evaluateAccess(compiled, request);
  return decision.outcome === "deny"
    ? decision
    : { outcome: "deny", rule: RULE_LABELS.defaultDeny, reason: "not listed" };
}

function count(tally: Tally, tool: string, from: ReplayOutcome, decision: Decision): "same" | "counted" {
  const next = draftOutcome(decision);
  if (from === next) return "same";
  const id = `${tool}\u0000${decision.rule}\u0000${from}\u0000${next}`;
  const entry = tally.changed.get(id) ?? { tool, rule: decision.rule, from, to: next, count: 0 };
  entry.count++;
  tally.changed.set(id, entry);
  return "counted";
}

function replayRow(policy: Policy, compiled: CompiledPolicy, row: CallLog, tally: Tally): "same" | "counted" {
  const tool = row.tool ?? "";
  const recorded = recordedOutcome(row.decision);
  if (row.method !== "tools/call") {
    const decision = accessDecision(compiled, row);
    return decision === undefined ? "same" : settle(tally, tool, recorded, decision);
  }
  const base = { tenantId: row.tenantId, serverId: row.serverId, grantId: row.grantId, tool };
  const recordedArgs = isRecord(row.arguments) ? row.arguments : undefined;
  const decision = evaluateCall(compiled, { ...base, args: recordedArgs ?? {} });
  if (recordedArgs === undefined && dependsOnArguments(policy, decision)) {
    const rule = `/tools/${decision.rule.split("/")[2] ?? ""}`;
    const id = `${tool}\u0000${rule}`;
    const entry = tally.unknown.get(id) ?? { tool, rule, count: 0 };
    entry.count++;
    tally.unknown.set(id, entry);
    return "counted";
  }
  return settle(tally, tool, recorded, decision);
}

/** Counts a replayed row whose recorded outcome differs from the draft's decision. */
function settle(
  tally: Tally,
  tool: string,
  recorded: ReturnType<typeof recordedOutcome>,
  decision: Decision,
): "same" | "counted" {
  // Limits are not replayed: a call a limit stopped is assumed stopped again if the draft still limits it.
  if (recorded === "limited" && decision.outcome === "check_limits") return "same";
  return count(
    tally,
    tool,
    recorded === "limited" ? "denied" : (recorded ?? draftOutcome(decision)),
    decision,
  );
}

async function* recentCalls(db: Db, tenantId: string, serverId: string, since: Date) {
  let cursor: CallLogCursor | undefined;
  for (let read = 0; read < MAX_ROWS; read += PAGE) {
    const page = await listCallLogs(
      db,
      tenantId,
      { serverId, from: since },
      cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
    );
    yield* page.rows;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
  yield null; // more rows than one replay reads
}

/**
 * Replays a draft policy against the server's recorded decisions of the last 1, 7 or 30 days
 * (tool calls, resource reads and subscriptions, prompt gets, completions) and reports what would change, grouped by tool and rule. Calls whose
 * outcome depends on argument values that were not recorded are counted as unknown.
 */
export async function replayPolicy(
  db: Db,
  ctx: SessionContext,
  input: ReplayInput,
  now: Date = new Date(),
): Promise<ReplayResult> {
  assertCan(ctx, "read");
  const parsed = parsePolicyJson(input.documentText);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const server = await getServer(db, ctx.tenantId, input.serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const compiled = compilePolicy(parsed.policy);
  const since = new Date(now.getTime() - input.days * DAY_MS);
  const tally: Tally = { changed: new Map(), unknown: new Map() };
  const report: ReplayReport = {
    since,
    compared: 0,
    unchanged: 0,
    changed: [],
    unknown: [],
    skipped: 0,
    truncated: false,
  };
  for await (const row of recentCalls(db, ctx.tenantId, server.id, since)) {
    if (row === null) {
      report.truncated = true;
      break;
    }
    if (row.createdAt > now) continue;
    if (!isReplayed(row)) {
      report.skipped++;
      continue;
    }
    report.compared++;
    if (replayRow(parsed.policy, compiled, row, tally) === "same") report.unchanged++;
  }
  const byCount = <T extends { count: number; tool: string }>(a: T, b: T) =>
    b.count - a.count || a.tool.localeCompare(b.tool);
  report.changed = [...tally.changed.values()].sort(byCount);
  report.unknown = [...tally.unknown.values()].sort(byCount);
  return { ok: true, report };
}
