/**
 * The fixed rule labels of the policy language, with one wording each for the catalogue, the
 * builder and the logs (a JSON pointer such as `/tools/MountIso/limits/0` is shown as it is).
 */
const fixed: Record<string, { label: string; help: string }> = {
  "(default deny)": {
    label: "default deny",
    help: "No rule names this tool and the policy's default is deny, so calls are refused.",
  },
  "(hidden)": {
    label: "hidden",
    help: "Listed under hide: left out of tools/list, and refused if called anyway.",
  },
  "(no policy)": {
    label: "no policy",
    help: "No policy is published for this server, so every call is refused.",
  },
  "(quarantined)": {
    label: "quarantined",
    help: "The tool changed its definition since it was reviewed; refused until the change is accepted.",
  },
};

/**
 * How a rule reads in the dashboard: exactly as the agent's denial names it — a fixed label such as
 * `(default deny)` or a pointer — so the catalogue, the builder, the logs and the docs agree.
 */
export function ruleLabel(rule: string | null): string {
  return rule ?? "—";
}

/** The short word of a fixed label (`hidden` for `(hidden)`), or null for a pointer. */
export function fixedRuleWord(rule: string): string | null {
  return fixed[rule]?.label ?? null;
}

/** What a fixed rule label means (for tooltips), or null for a pointer into the policy. */
export function ruleHelp(rule: string | null): string | null {
  return rule === null ? null : (fixed[rule]?.help ?? null);
}
