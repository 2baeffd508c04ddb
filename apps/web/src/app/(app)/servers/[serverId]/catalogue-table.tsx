"use client";

import { useMemo, useState } from "react";
import { ActionButton } from "@/components/action-button";
import { Badge } from "@/components/badge";
import { fixedRuleWord, ruleHelp, ruleLabel } from "@/components/rule-label";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import type { ToolPolicyState } from "@/server/catalogue/tool-policy-state";
import { acceptToolAction } from "./actions";
import { OverrideClassForm } from "./override-class-form";

export type CatalogueRow = {
  id: string;
  name: string;
  description: string;
  category: string;
  risk: string;
  riskReason: string;
  overridden: boolean;
  classified: { category: string; risk: string };
  pinState: string;
  schemaText: string;
  annotationsText: string | null;
  changes: { path: string; before: string | null; after: string | null }[] | null;
  policy: { state: ToolPolicyState; rule: string };
};

const stateLabels: Record<ToolPolicyState, string> = {
  allowed: "allowed",
  rate_limited: "rate-limited",
  approval: "approval",
  denied: "denied",
  conditional: "conditional",
  hidden: "hidden",
  no_policy: "no policy",
};

const stateTones: Record<ToolPolicyState, Parameters<typeof Badge>[0]["tone"]> = {
  allowed: "green",
  rate_limited: "orange",
  approval: "purple",
  denied: "red",
  conditional: "yellow",
  hidden: "gray",
  no_policy: "gray",
};

type Props = { serverId: string; tools: CatalogueRow[]; canOverride: boolean; canAccept: boolean };

/** The catalogue with search and filters; every string from the upstream is rendered as text. */
export function CatalogueTable({ serverId, tools, canOverride, canAccept }: Props) {
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [state, setState] = useState("");
  const [reviewOnly, setReviewOnly] = useState(false);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return tools.filter(
      (tool) =>
        (needle === "" || `${tool.name}\n${tool.description}`.toLowerCase().includes(needle)) &&
        (category === "" || tool.category === category) &&
        (state === "" || tool.policy.state === state) &&
        (!reviewOnly || tool.pinState !== "pinned"),
    );
  }, [tools, search, category, state, reviewOnly]);
  const pending = tools.filter((tool) => tool.pinState !== "pinned").length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <input
          type="search"
          aria-label="Search tools"
          placeholder="Search tools"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className={`${styles.input} max-w-56`}
        />
        <select
          aria-label="Category"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          className={`${styles.input} w-40`}
        >
          <option value="">All categories</option>
          {["Read", "Write", "Execute", "Destructive"].map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
        <select
          aria-label="Policy state"
          value={state}
          onChange={(event) => setState(event.target.value)}
          className={`${styles.input} w-40`}
        >
          <option value="">Any policy state</option>
          {Object.entries(stateLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={reviewOnly}
            onChange={(event) => setReviewOnly(event.target.checked)}
          />
          Needs review ({pending})
        </label>
      </div>
      <div className={`${styles.card} relative overflow-x-auto`}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Tool
              </th>
              <th scope="col" className="px-4 py-3">
                Class
              </th>
              <th scope="col" className="px-4 py-3">
                Policy
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((tool) => (
              <tr key={tool.id} className="align-top" data-testid="catalogue-row">
                <td className="px-4 py-3">
                  <p className="flex items-center gap-2 font-mono font-medium">
                    {tool.name}
                    {tool.pinState !== "pinned" ? <Badge tone="yellow">{tool.pinState}</Badge> : null}
                  </p>
                  <p className="mt-1 max-w-xl whitespace-pre-line text-slate-600">{tool.description}</p>
                  <p className="mt-1 text-xs text-slate-500">Why: {tool.riskReason}</p>
                  <details className="mt-2 text-xs">
                    <summary className="cursor-pointer text-indigo-600">Input schema and annotations</summary>
                    <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono">
                      {tool.schemaText}
                    </pre>
                    {tool.annotationsText !== null ? (
                      <pre className="mt-2 overflow-auto rounded bg-slate-50 p-2 font-mono">
                        {tool.annotationsText}
                      </pre>
                    ) : (
                      <p className="mt-2 text-slate-500">No annotations.</p>
                    )}
                  </details>
                  {tool.changes !== null ? <PendingChanges tool={tool} /> : null}
                  {canAccept && tool.pinState !== "pinned" ? (
                    <div className="mt-2 flex justify-start">
                      <ActionButton
                        action={acceptToolAction}
                        fields={{ serverId, toolId: tool.id }}
                        label={
                          tool.pinState === "quarantined"
                            ? `Accept change to ${tool.name}`
                            : `Accept ${tool.name}`
                        }
                        pendingLabel="Accepting…"
                        variant="primary"
                      />
                    </div>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-col items-start gap-1">
                    <Badge tone={toneFor(tool.category)}>{tool.category}</Badge>
                    <Badge tone={toneFor(tool.risk)}>{tool.risk} risk</Badge>
                    {tool.overridden ? (
                      <span className="text-xs text-slate-500">
                        overridden (classifier: {tool.classified.category}, {tool.classified.risk})
                      </span>
                    ) : null}
                    {canOverride ? <OverrideClassForm serverId={serverId} tool={tool} /> : null}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <Badge tone={stateTones[tool.policy.state]}>{stateLabels[tool.policy.state]}</Badge>
                  {/* "(hidden)" under a "hidden" badge says nothing new */}
                  {fixedRuleWord(tool.policy.rule) !== stateLabels[tool.policy.state] ? (
                    <p
                      className="mt-1 font-mono text-xs break-all text-slate-500"
                      title={ruleHelp(tool.policy.rule) ?? undefined}
                    >
                      {ruleLabel(tool.policy.rule)}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">No tools match.</p>
        ) : null}
      </div>
    </div>
  );
}

function PendingChanges({ tool }: { tool: CatalogueRow }) {
  return (
    <div className="mt-2 rounded-md bg-amber-50 p-2 ring-1 ring-amber-200 ring-inset">
      <p className="text-xs font-semibold text-amber-900">
        The upstream changed this tool. It is hidden and denied until the change is accepted.
      </p>
      <table className="mt-1 w-full text-xs">
        <tbody>
          {(tool.changes ?? []).map((change) => (
            <tr key={change.path} className="align-top">
              <td className="pr-2 font-mono text-slate-600">{change.path || "/"}</td>
              <td className="pr-2 font-mono break-all text-red-700 line-through">{change.before ?? "—"}</td>
              <td className="font-mono break-all text-emerald-700">{change.after ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
