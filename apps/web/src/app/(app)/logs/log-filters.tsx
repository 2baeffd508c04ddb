import Link from "next/link";
import type { ReactNode } from "react";
import { styles } from "@/components/styles";
import { logDecisions } from "@/server/logs/list-logs";

type Props = {
  query: Record<"server" | "grant" | "decision" | "tool" | "rule" | "from" | "to", string>;
  servers: { id: string; name: string }[];
  grants: { id: string; label: string }[];
  filtered: boolean;
};

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** The logs filters as a plain GET form, so every filtered view is a shareable URL. */
export function LogFilters({ query, servers, grants, filtered }: Props) {
  return (
    <form
      method="get"
      className={`${styles.card} mb-6 flex flex-wrap items-end gap-4 p-4`}
      aria-label="Filter logs"
    >
      <Field id="filter-server" label="Server">
        <select id="filter-server" name="server" defaultValue={query.server} className={styles.input}>
          <option value="">All servers</option>
          {servers.map((server) => (
            <option key={server.id} value={server.id}>
              {server.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-grant" label="Grant">
        <select id="filter-grant" name="grant" defaultValue={query.grant} className={styles.input}>
          <option value="">All grants</option>
          {grants.map((grant) => (
            <option key={grant.id} value={grant.id}>
              {grant.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-decision" label="Decision">
        <select id="filter-decision" name="decision" defaultValue={query.decision} className={styles.input}>
          <option value="">All decisions</option>
          {logDecisions.map((decision) => (
            <option key={decision} value={decision}>
              {decision.replace("_", " ")}
            </option>
          ))}
        </select>
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
