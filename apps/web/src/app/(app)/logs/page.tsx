import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import { getDeps } from "@/server/deps";
import { listLogs, logDecisions, logQuerySchema } from "@/server/logs/list-logs";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";

export const metadata: Metadata = { title: "Logs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const raw = await searchParams;
  const query = logQuerySchema.parse({
    server: firstValue(raw.server),
    decision: firstValue(raw.decision),
    tool: firstValue(raw.tool),
    cursor: firstValue(raw.cursor),
  });
  const { db } = getDeps();
  const [page, servers] = await Promise.all([listLogs(db, session.ctx, query), listServers(db, session.ctx)]);
  const serverNames = new Map(servers.map((server) => [server.id, server.name]));
  const filters = new URLSearchParams();
  if (query.server !== undefined) filters.set("server", query.server);
  if (query.decision !== undefined) filters.set("decision", query.decision);
  if (query.tool !== undefined) filters.set("tool", query.tool);
  const olderHref =
    page.nextCursor === null
      ? null
      : `/logs?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}`;
  const refreshHref = `/logs${filters.size > 0 ? `?${filters}` : ""}`;

  return (
    <>
      <PageHeader
        title="Logs"
        description="Every call through the gateway, newest first."
        actions={
          <Link href={refreshHref} className={styles.secondaryButton}>
            Refresh
          </Link>
        }
      />
      <form
        method="get"
        className={`${styles.card} mb-6 flex flex-wrap items-end gap-4 p-4`}
        aria-label="Filter logs"
      >
        <div className="space-y-1.5">
          <label htmlFor="filter-server" className={styles.label}>
            Server
          </label>
          <select id="filter-server" name="server" defaultValue={query.server ?? ""} className={styles.input}>
            <option value="">All servers</option>
            {servers.map((server) => (
              <option key={server.id} value={server.id}>
                {server.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="filter-decision" className={styles.label}>
            Decision
          </label>
          <select
            id="filter-decision"
            name="decision"
            defaultValue={query.decision ?? ""}
            className={styles.input}
          >
            <option value="">All decisions</option>
            {logDecisions.map((decision) => (
              <option key={decision} value={decision}>
                {decision.replace("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="filter-tool" className={styles.label}>
            Tool
          </label>
          <input
            id="filter-tool"
            name="tool"
            defaultValue={query.tool ?? ""}
            placeholder="MountIso"
            className={styles.input}
          />
        </div>
        <button type="submit" className={styles.primaryButton}>
          Filter
        </button>
        {filters.size > 0 ? (
          <Link href="/logs" className={`${styles.link} py-2 text-sm`}>
            Clear filters
          </Link>
        ) : null}
      </form>

      <div className={`${styles.card} overflow-x-auto`}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              {["Time", "Grant", "Server", "Method", "Tool", "Decision", "Rule", "Message", "Latency"].map(
                (heading) => (
                  <th key={heading} scope="col" className="px-3 py-3 whitespace-nowrap">
                    {heading}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  {formatDateTime(row.createdAt)}
                </td>
                <td className="px-3 py-2 font-medium whitespace-nowrap">{row.grantLabel}</td>
                <td className="px-3 py-2 text-slate-600">{serverNames.get(row.serverId) ?? "(deleted)"}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.method}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.tool ?? "—"}</td>
                <td className="px-3 py-2">
                  <Badge tone={toneFor(row.decision)}>{row.decision.replace("_", " ")}</Badge>
                </td>
                <td className="px-3 py-2 font-mono text-xs text-slate-600">{row.rule ?? "—"}</td>
                <td className="max-w-sm px-3 py-2 text-slate-600">{row.message ?? ""}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {row.latencyMs.toFixed(1)} ms
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 ? (
          <p className="p-10 text-center text-sm text-slate-600">
            {query.cursor === undefined && filters.size === 0
              ? "No calls yet. Create a grant, point an agent at the gateway URL, and its calls appear here."
              : "No calls match these filters."}
          </p>
        ) : null}
      </div>
      <div className="mt-4 flex justify-end gap-2">
        {query.cursor !== undefined ? (
          <Link href={refreshHref} className={styles.secondaryButton}>
            Newest
          </Link>
        ) : null}
        {olderHref !== null ? (
          <Link href={olderHref} className={styles.secondaryButton}>
            Older
          </Link>
        ) : null}
      </div>
    </>
  );
}
