"use client";

import type { PolicyCondition, PolicyLimit, PolicyRule } from "@toolgate/policy-core";
import { argumentFields, portmanteauArgument } from "@/builder/argument-fields";
import type { BoardCard } from "@/builder/board";
import { LANE_TITLES } from "@/builder/lanes";
import { styles } from "@/components/styles";
import { cardLabel } from "./board-card";
import { ConditionsEditor } from "./conditions-editor";
import { LimitsEditor } from "./limits-editor";
import { PortmanteauActions } from "./portmanteau-actions";

type Props = {
  card: BoardCard;
  sharedLimits: PolicyLimit[];
  defaultLimit: PolicyLimit;
  errors: string[];
  onChange: (rule: PolicyRule) => void;
  onRemove: () => void;
  onClose: () => void;
};

function withList<K extends "limits" | "require" | "deny_if">(
  rule: PolicyRule,
  key: K,
  list: NonNullable<PolicyRule[K]>,
): PolicyRule {
  const { [key]: _dropped, ...rest } = rule;
  return list.length === 0 ? rest : { ...rest, [key]: list };
}

function withText(rule: PolicyRule, key: "on_deny" | "reason" | "rate_limit", text: string): PolicyRule {
  const { [key]: _dropped, ...rest } = rule;
  return text === "" ? rest : { ...rest, [key]: text };
}

/** What a rule-less card's editor says about where its decision comes from. */
function followsText(card: BoardCard): string {
  const what = card.kind === "tool" ? "tools" : `${card.kind}s`;
  if (card.lane === "hide")
    return `This entry only hides ${what}. Move it to another lane to give it a rule.`;
  return `This ${card.kind} has no rule of its own; it follows ${card.via ?? "the default"}. Move it to a lane (drag it, or use its lane menu) to give it one.`;
}

/**
 * Edits one card's rule: limits, message, approval, and for tools conditions from the input schema
 * (resources and prompts are read or fetched whole: their rules have no argument conditions).
 */
export function CardEditor({ card, sharedLimits, defaultLimit, errors, onChange, onRemove, onClose }: Props) {
  const rule = card.rule;
  const isTool = card.kind === "tool";
  const fields = argumentFields(card.tool?.inputSchema);
  const action = isTool ? portmanteauArgument(fields) : undefined;
  const messageKey = rule?.reason !== undefined ? "reason" : "on_deny";
  const label = cardLabel(card);

  return (
    <section aria-label={`Edit ${label}`} className={`${styles.card} space-y-4 p-4`}>
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-mono text-sm font-semibold">{card.key}</h2>
          <p className="text-xs text-slate-500">
            {LANE_TITLES[card.lane]} lane
            {card.tool ? ` · ${card.tool.category}, ${card.tool.risk} risk` : ""}
            {card.item ? ` · ${card.item.kind} ${card.item.listed}` : ""}
          </p>
        </div>
        <button type="button" className={`${styles.secondaryButton} py-1 text-xs`} onClick={onClose}>
          Close editor
        </button>
      </div>
      {errors.length > 0 ? (
        <ul className="rounded-md bg-red-50 p-2 text-xs text-red-800 ring-1 ring-red-200">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      {rule === undefined ? (
        <p className="text-sm text-slate-600">{followsText(card)}</p>
      ) : (
        <>
          {action?.enumValues !== undefined ? (
            <PortmanteauActions
              tool={card.key}
              path={action.path}
              values={action.enumValues}
              denyIf={rule.deny_if ?? []}
              onChange={(denyIf) => onChange(withList(rule, "deny_if", denyIf))}
            />
          ) : null}
          {card.lane === "deny" ? null : (
            <LimitsEditor
              label="Limits"
              limits={rule.limits ?? []}
              shared={sharedLimits}
              defaultLimit={defaultLimit}
              onChange={(limits: PolicyLimit[]) => onChange(withList(rule, "limits", limits))}
            />
          )}
          {rule.rate_limit !== undefined ? (
            <label className="block text-xs text-slate-600">
              Rate limit shorthand
              <input
                className={`${styles.input} py-1 text-xs`}
                value={rule.rate_limit}
                onChange={(event) => onChange(withText(rule, "rate_limit", event.target.value))}
              />
            </label>
          ) : null}
          {rule.action === "require_approval" ? (
            <label className="block text-xs text-slate-600">
              Approval timeout
              <input
                className={`${styles.input} py-1 text-xs`}
                placeholder="10m"
                value={rule.approval?.timeout ?? ""}
                onChange={(event) => {
                  const { timeout: _dropped, ...others } = rule.approval ?? {};
                  const timeout = event.target.value;
                  onChange(withApproval(rule, timeout === "" ? others : { ...others, timeout }));
                }}
              />
            </label>
          ) : null}
          {rule.action === "require_approval" ? (
            <label className="block text-xs text-slate-600">
              Who approves
              <select
                className={`${styles.input} py-1 text-xs`}
                value={rule.approval?.by ?? "team"}
                onChange={(event) => {
                  const { by: _dropped, ...others } = rule.approval ?? {};
                  // "team" is the default: leave it out of the JSON rather than spell it.
                  const by = event.target.value === "user" ? "user" : undefined;
                  onChange(withApproval(rule, by === undefined ? others : { ...others, by }));
                }}
              >
                <option value="team">The team (dashboard, notifications)</option>
                <option value="user">The agent&apos;s user, in their MCP client</option>
              </select>
            </label>
          ) : null}
          {isTool ? (
            <>
              <ConditionsEditor
                label="Require (all must hold, else deny)"
                name="Require"
                conditions={rule.require ?? []}
                fields={fields}
                onChange={(conditions: PolicyCondition[]) => onChange(withList(rule, "require", conditions))}
              />
              <ConditionsEditor
                label="Deny if (any holds)"
                name="Deny if"
                conditions={rule.deny_if ?? []}
                fields={fields}
                onChange={(conditions: PolicyCondition[]) => onChange(withList(rule, "deny_if", conditions))}
              />
            </>
          ) : null}
          <label className="block text-xs text-slate-600">
            Message when denied
            <input
              className={`${styles.input} py-1 text-xs`}
              value={rule[messageKey] ?? ""}
              onChange={(event) => onChange(withText(rule, messageKey, event.target.value))}
            />
          </label>
        </>
      )}
      {rule !== undefined || card.lane === "hide" ? (
        <button
          type="button"
          className={`${styles.secondaryButton} py-1 text-xs text-red-700`}
          onClick={onRemove}
        >
          Remove rule for {label}
        </button>
      ) : null}
    </section>
  );
}

/** The rule with these approval settings; no `approval` key at all when none is set. */
function withApproval(rule: PolicyRule, approval: NonNullable<PolicyRule["approval"]>): PolicyRule {
  const { approval: _dropped, ...rest } = rule;
  return Object.keys(approval).length === 0 ? rest : { ...rest, approval };
}
