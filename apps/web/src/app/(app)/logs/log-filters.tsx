import Link from "next/link";
import type { ReactNode } from "react";
import { decisionFilterLabel } from "@/components/decision-label";
import { Select } from "@/components/select";
import { styles } from "@/components/styles";
import { ALL_METHODS, logDecisions, logMethods, TOOL_CALLS } from "@/server/logs/list-logs";

type Props = {
  query: Record<"server" | "grant" | "decision" | "method" | "tool" | "rule" | "from" | "to", string>;
  servers: { id: string; name: string }[];
  grants: { id: string; label: string }[];
  filtered: boolean;
};

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="w-full space-y-1.5 sm:w-44">
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
    </div>
  );
}

const methodLabels: Record<string, string> = {
  [TOOL_CALLS]: "Tool calls",
  [ALL_METHODS]: "All traffic (protocol too)",
};

/** The logs filters as a plain GET form, so every filtered view is a shareable URL. */
export function LogFilters({ query, servers, grants, filtered }: Props) {
  const methods = logMethods.includes(query.method as (typeof logMethods)[number])
    ? [...logMethods]
    : [...logMethods, query.method];
  return (
    <form
      method="get"
      className={`${styles.card} mb-6 flex flex-wrap items-end gap-4 p-4`}
      aria-label="Filter logs"
    >
      <Field id="filter-method" label="Traffic">
        <Select
          id="filter-method"
          name="method"
          defaultValue={query.method}
          submitOnChange
          options={methods.map((method) => ({ value: method, label: methodLabels[method] ?? method }))}
        />
      </Field>
      <Field id="filter-decision" label="Decision">
        <Select
          id="filter-decision"
          name="decision"
          defaultValue={query.decision}
          anyLabel="All decisions"
          submitOnChange
          options={logDecisions.map((decision) => ({
            value: decision,
            label: decisionFilterLabel(decision),
          }))}
        />
      </Field>
      <Field id="filter-server" label="Server">
        <Select
          id="filter-server"
          name="server"
          defaultValue={query.server}
          anyLabel="All servers"
          submitOnChange
          options={servers.map((server) => ({ value: server.id, label: server.name }))}
        />
      </Field>
      <Field id="filter-grant" label="Grant">
        <Select
          id="filter-grant"
          name="grant"
          defaultValue={query.grant}
          anyLabel="All grants"
          submitOnChange
          options={grants.map((grant) => ({ value: grant.id, label: grant.label }))}
        />
      </Field>
      <Field id="filter-tool" label="Tool">
        <input
          id="filter-tool"
          name="tool"
          defaultValue={query.tool}
          placeholder="MountIso"
          className={styles.input}
        />
      </Field>
      <Field id="filter-rule" label="Rule">
        <input
          id="filter-rule"
          name="rule"
          defaultValue={query.rule}
          placeholder="(default deny)"
          className={styles.input}
        />
      </Field>
      <Field id="filter-from" label="From (UTC)">
        <input
          id="filter-from"
          name="from"
          type="datetime-local"
          defaultValue={query.from}
          className={styles.input}
        />
      </Field>
      <Field id="filter-to" label="To (UTC)">
        <input
          id="filter-to"
          name="to"
          type="datetime-local"
          defaultValue={query.to}
          className={styles.input}
        />
      </Field>
      <button type="submit" className={styles.primaryButton}>
        Filter
      </button>
      {filtered ? (
        <Link href="/logs" className={`${styles.link} py-2 text-sm`}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
