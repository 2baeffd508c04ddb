"use client";

import type { Policy } from "@toolgate/policy-core";
import { useId, useState } from "react";
import { type ArgumentField, argumentFields } from "@/builder/argument-fields";
import type { CatalogueTool } from "@/builder/catalogue-tool";
import { type Simulation, simulateCall } from "@/builder/simulate-call";
import { Badge } from "@/components/badge";
import { styles } from "@/components/styles";
import type { SimulatorGrant } from "@/server/policies/builder-data";

type Props = {
  policy: Policy;
  valid: boolean;
  catalogue: CatalogueTool[];
  grants: SimulatorGrant[];
  ids: { tenantId: string; serverId: string };
  onFired: (rule: string | undefined) => void;
};

const OUTCOME_LABEL = {
  allow: "Allowed",
  check_limits: "Allowed if within limits",
  require_approval: "Needs approval",
  deny: "Denied",
} as const;
const OUTCOME_TONE = {
  allow: "green",
  check_limits: "yellow",
  require_approval: "purple",
  deny: "red",
} as const;

function argumentValue(field: ArgumentField, text: string): unknown {
  if (field.type === "number" || field.type === "integer")
    return text.trim() === "" ? undefined : Number(text);
  if (field.type === "boolean") return text === "" ? undefined : text === "true";
  if (field.type === "array" || field.type === "object") {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON yet: pass the text, as an agent sending the wrong type would.
      return text;
    }
  }
  return text === "" ? undefined : text;
}

/** Picks a grant, a tool and arguments and shows the draft's decision for that call. */
export function SimulatorPanel({ policy, valid, catalogue, grants, ids, onFired }: Props) {
  const [grantId, setGrantId] = useState(grants[0]?.id ?? "grt_simulated");
  const [tool, setTool] = useState(catalogue[0]?.name ?? "");
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Simulation | null>(null);
  const formId = useId();
  const fields = argumentFields(catalogue.find((candidate) => candidate.name === tool)?.inputSchema);

  const simulate = () => {
    const args: Record<string, unknown> = {};
    for (const field of fields) {
      const value = argumentValue(field, values[field.name] ?? "");
      if (value !== undefined) args[field.name] = value;
    }
    const simulation = simulateCall(policy, { tool, args, grantId }, ids);
    setResult(simulation);
    onFired(simulation.ok ? simulation.decision.rule : undefined);
  };

  return (
    <section aria-labelledby="simulator-heading" className={`${styles.card} space-y-3 p-4`}>
      <h2 id="simulator-heading" className="text-base font-semibold">
        Simulate a call
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={styles.label}>
          Grant
          <select
            className={styles.input}
            value={grantId}
            onChange={(event) => setGrantId(event.target.value)}
          >
            {grants.map((grant) => (
              <option key={grant.id} value={grant.id}>
                {grant.label}
              </option>
            ))}
            <option value="grt_simulated">Any grant (simulated)</option>
          </select>
        </label>
        <label className={styles.label}>
          Tool to simulate
          <input
            className={styles.input}
            list="simulator-tools"
            title='A tool name, or "resource:<uri>" / "prompt:<name>" for a resource read or a prompt get'
            placeholder="Tool, resource:<uri> or prompt:<name>"
            value={tool}
            onChange={(event) => {
              setTool(event.target.value);
              setValues({});
              setResult(null);
            }}
          />
          <datalist id="simulator-tools">
            {catalogue.map((candidate) => (
              <option key={candidate.name} value={candidate.name} />
            ))}
          </datalist>
        </label>
      </div>
      {fields.length > 0 ? (
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="mb-1 text-xs font-semibold text-slate-700">Arguments</legend>
          {fields.map((field) => (
            <label key={field.name} htmlFor={`${formId}-${field.name}`} className="text-xs text-slate-600">
              {`Argument ${field.name}`}{" "}
              <span className="text-slate-400">
                ({field.type}
                {field.required ? ", required" : ""})
              </span>
              {field.enumValues !== undefined || field.type === "boolean" ? (
                <select
                  id={`${formId}-${field.name}`}
                  className={`${styles.input} py-1 text-xs`}
                  value={values[field.name] ?? ""}
                  onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                >
                  <option value="">(absent)</option>
                  {(field.enumValues ?? [true, false]).map((value) => (
                    <option key={String(value)} value={String(value)}>
                      {String(value)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${formId}-${field.name}`}
                  className={`${styles.input} py-1 text-xs`}
                  value={values[field.name] ?? ""}
                  onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                />
              )}
            </label>
          ))}
        </fieldset>
      ) : null}
      <button
        type="button"
        className={styles.secondaryButton}
        onClick={simulate}
        disabled={!valid || tool === ""}
      >
        Simulate
      </button>
      {!valid ? <p className="text-xs text-slate-500">Fix the policy's problems to simulate.</p> : null}
      {result !== null ? (
        <div
          role="status"
          aria-label="Simulation result"
          className="space-y-2 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200"
        >
          {result.ok ? (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={OUTCOME_TONE[result.decision.outcome]}>
                  {OUTCOME_LABEL[result.decision.outcome]}
                </Badge>
                <span>
                  Rule{" "}
                  <code className="font-mono text-xs" data-testid="simulated-rule">
                    {result.decision.rule}
                  </code>
                </span>
              </p>
              <p className="text-sm whitespace-pre-wrap text-slate-700">{result.explanation}</p>
            </>
          ) : (
            <p className="text-red-700">The draft has problems: {result.issues[0]?.message}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
