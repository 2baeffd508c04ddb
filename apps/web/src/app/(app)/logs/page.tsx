import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { LogRow } from "@/components/log-row";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { AppError } from "@/server/app-error";
import { getDeps } from "@/server/deps";
import { listGrants } from "@/server/grants/list-grants";
import { countDeadLetters } from "@/server/logs/count-dead-letters";
import { getLogEntry } from "@/server/logs/get-log-entry";
import { type LogQuery, listLogs, logQuerySchema, TOOL_CALLS } from "@/server/logs/list-logs";
import { encodeLogCursor } from "@/server/logs/log-cursor";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { LiveTailTable } from "./live-tail";
import { LogDrawer } from "./log-drawer";
import { LogFilters } from "./log-filters";

export const metadata: Metadata = { title: "Logs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The filters as search params (without the cursor), for links that keep them. */
function filterParams(query: LogQuery): URLSearchParams {
  const params = new URLSearchParams();
  const text: [string, string | undefined][] = [
    ["server", query.server],
    ["grant", query.grant],
    ["decision", query.decision],
    // tool calls are the default; only another choice goes into the URL
    ["method", query.method === TOOL_CALLS ? undefined : query.method],
    ["tool", query.tool],
    ["rule", query.rule],
    ["from", query.from?.toISOString()],
    ["to", query.to?.toISOString()],
  ];
  for (const [key, value] of text) if (value !== undefined) params.set(key, value);
  return params;
}

async function loadEntry(entryId: string | undefined, session: Awaited<ReturnType<typeof requireSession>>) {
  if (entryId === undefined) return undefined;
  try {
    return await getLogEntry(getDeps().db, session.ctx, entryId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const raw = await searchParams;
  const query = logQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)])),
  );
  const { db } = getDeps();
  const [page, servers, grants, entry, deadLetters] = await Promise.all([
    listLogs(db, session.ctx, query),
    listServers(db, session.ctx),
    listGrants(db, session.ctx),
    loadEntry(firstValue(raw.entry), session),
    countDeadLetters(db, session.ctx),
  ]);
  const serverNames = Object.fromEntries(servers.map((server) => [server.id, server.name]));
  const filters = filterParams(query);
  const withCursor = new URLSearchParams(filters);
  if (query.cursor !== undefined) withCursor.set("cursor", query.cursor);
  const here = `/logs${withCursor.size > 0 ? `?${withCursor}` : ""}`;
  const entryHref = (id: string) => `/logs?${new URLSearchParams([...withCursor, ["entry", id]])}`;
  const olderHref =
    page.nextCursor === null
      ? null
      : `/logs?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}`;
  const newestHref = `/logs${filters.size > 0 ? `?${filters}` : ""}`;
  const newest = page.rows[0];
  const isNewestPage = query.cursor === undefined && query.to === undefined;

  return (
    <>
      <PageHeader
        title="Logs"
        description="Tool calls through the gateway, newest first (choose All traffic to see protocol messages too). Click a row for the full record; argument values are never shown, only their keys."
        actions={
          <Link href={here} className={styles.secondaryButton}>
            Refresh
          </Link>
        }
      />
      {deadLetters > 0 ? (
        <p
          role="status"
          data-testid="dead-letters"
          className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
        >
          {deadLetters} call {deadLetters === 1 ? "record" : "records"} could not be stored as{" "}
          {deadLetters === 1 ? "a log entry" : "log entries"} and {deadLetters === 1 ? "was" : "were"} kept
          aside (dead-lettered) with the reason; ask your operator to inspect the CallLogDeadLetter table.
        </p>
      ) : null}
      <LogFilters
        query={{
          server: query.server ?? "",
          grant: query.grant ?? "",
          decision: query.decision ?? "",
          method: query.method,
          tool: query.tool ?? "",
          rule: query.rule ?? "",
          from: query.from?.toISOString().slice(0, 16) ?? "",
          to: query.to?.toISOString().slice(0, 16) ?? "",
        }}
        servers={servers.map((server) => ({ id: server.id, name: server.name }))}
        grants={grants.map((grant) => ({ id: grant.id, label: grant.label }))}
        filtered={filters.size > 0}
      />
      <LiveTailTable
        key={filters.toString()}
        // With nothing shown yet, tail from now (the server's clock, as the gateway's).
        after={encodeLogCursor(newest ?? { createdAt: new Date(), id: "0" })}
        filters={filters.toString()}
        serverNames={serverNames}
        detailBase={here}
        enabled={isNewestPage}
      >
        <tbody className="divide-y divide-slate-100">
          {page.rows.map((row) => (
            <LogRow
              key={row.id}
              row={row}
              serverName={serverNames[row.serverId] ?? "(deleted)"}
              detailHref={entryHref(row.id)}
            />
          ))}
        </tbody>
      </LiveTailTable>
      {page.rows.length === 0 ? (
        query.cursor === undefined && filters.size === 0 ? (
          <EmptyState
            title="No tool calls yet"
            description="Create a grant, paste the gateway URL and token into your MCP client, and its calls appear here live."
            action={{ href: "/grants", label: "Create a grant" }}
          />
        ) : (
          <EmptyState
            title="No calls match these filters"
            description="Widen the filters, or include protocol traffic with Traffic: All traffic."
            action={{ href: "/logs", label: "Clear filters" }}
          />
        )
      ) : null}
      <div className="mt-4 flex justify-end gap-2">
        {query.cursor !== undefined ? (
          <Link href={newestHref} className={styles.secondaryButton}>
            Newest
          </Link>
        ) : null}
        {olderHref !== null ? (
          <Link href={olderHref} className={styles.secondaryButton}>
            Older
          </Link>
        ) : null}
      </div>
      {entry !== undefined ? <LogDrawer entry={entry} closeHref={here} serverNames={serverNames} /> : null}
    </>
  );
}
