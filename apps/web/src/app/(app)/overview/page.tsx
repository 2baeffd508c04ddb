import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FirstRunChecklist } from "@/components/first-run-checklist";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { AppError } from "@/server/app-error";
import { getDeps } from "@/server/deps";
import { getFirstRun } from "@/server/onboarding/get-first-run";
import { getOverview, type OverviewQuery, overviewQuerySchema } from "@/server/overview/get-overview";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { OverviewChart } from "./overview-charts";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(query: OverviewQuery) {
  const session = await requireSession();
  const { db } = getDeps();
  try {
    const [overview, servers, firstRun] = await Promise.all([
      getOverview(db, session.ctx, query),
      listServers(db, session.ctx),
      getFirstRun(db, session.ctx),
    ]);
    return { overview, servers, firstRun };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <p className="truncate text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value.toLocaleString("en")}</p>
    </>
  );
  return (
    <div className={`${styles.card} p-4`} data-testid={`stat-${label.toLowerCase().replaceAll(" ", "-")}`}>
      {href === undefined ? body : <Link href={href}>{body}</Link>}
    </div>
  );
}

function Ranking({
  title,
  rows,
  empty,
}: {
  title: string;
  rows: { name: string; calls: number }[];
  empty: string;
}) {
  const max = Math.max(1, ...rows.map((row) => row.calls));
  return (
    <section className={`${styles.card} p-5`} aria-label={title}>
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <ol className="space-y-2">
        {rows.map((row) => (
          <li key={row.name} className="text-sm">
            <div className="flex justify-between gap-2">
              <span className="truncate font-mono text-xs">{row.name}</span>
              <span className="tabular-nums text-slate-600">{row.calls.toLocaleString("en")}</span>
            </div>
            <div className="mt-1 h-1.5 rounded bg-slate-100">
              <div className="h-1.5 rounded bg-indigo-500" style={{ width: `${(row.calls / max) * 100}%` }} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = overviewQuerySchema.parse({ range: raw.range, server: raw.server });
  const { overview, servers, firstRun } = await load(query);
  const { totals } = overview;
  const link = (changes: Partial<Record<"range" | "server", string>>) => {
    const params = new URLSearchParams({
      range: query.range,
      ...(query.server ? { server: query.server } : {}),
      ...changes,
    });
    if (params.get("server") === "") params.delete("server");
    return `/overview?${params}`;
  };

  return (
    <>
      <PageHeader
        title="Overview"
        description="The tool calls your agents made through the gateway, and what the policies stopped."
      />
      <FirstRunChecklist steps={firstRun} />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        {(["24h", "7d", "30d"] as const).map((range) => (
          <Link
            key={range}
            href={link({ range })}
            aria-current={query.range === range ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${query.range === range ? "bg-slate-900 text-white" : "text-slate-700 ring-1 ring-slate-300"}`}
          >
            Last {range}
          </Link>
        ))}
        <span className="mx-2 text-slate-300">|</span>
        <Link
          href={link({ server: "" })}
          className={query.server === undefined ? "font-semibold" : styles.link}
        >
          All servers
        </Link>
        {servers.map((server) => (
          <Link
            key={server.id}
            href={link({ server: server.id })}
            className={query.server === server.id ? "font-semibold" : styles.link}
          >
            {server.name}
          </Link>
        ))}
      </div>
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Tool calls" value={totals.calls} href="/logs" />
        <Stat label="Denied" value={totals.denied} href="/logs?decision=deny" />
        <Stat label="Rate-limited" value={totals.rateLimited} href="/logs?decision=rate_limited" />
        <Stat
          label="Sent for approval"
          value={totals.sentForApproval}
          href="/logs?decision=approval_pending"
        />
        <Stat label="Upstream errors" value={totals.errors} href="/logs?decision=error" />
        <Stat label="Awaiting approval now" value={totals.pendingApprovals} href="/approvals" />
      </div>
      <section className={`${styles.card} mb-6 p-5`} aria-label="Calls over time">
        <h2 className="mb-3 text-base font-semibold">Calls over time (UTC)</h2>
        <OverviewChart points={overview.series} daily={query.range === "30d"} />
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <Ranking title="Top tools" rows={overview.topTools} empty="No tool calls in this period." />
        <Ranking
          title="Top denying rules"
          rows={overview.topDeniedRules}
          empty="Nothing was denied in this period."
        />
      </div>
    </>
  );
}
