import type { Metadata } from "next";
import Link from "next/link";
import { limitIntent } from "@/catalogue/limit-intent";
import { Badge } from "@/components/badge";
import { CatalogueIntentNotice } from "@/components/catalogue-intent-notice";
import { EmptyState } from "@/components/empty-state";
import { FirstRunChecklist } from "@/components/first-run-checklist";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { getFirstRun } from "@/server/onboarding/get-first-run";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { AddServerForm } from "./add-server-form";

export const metadata: Metadata = { title: "Servers" };

const transportLabels: Record<string, string> = {
  streamable_http: "Streamable HTTP",
  sse: "HTTP+SSE",
  stdio: "stdio",
};

export default async function ServersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const { db } = getDeps();
  const [servers, firstRun] = await Promise.all([listServers(db, session.ctx), getFirstRun(db, session.ctx)]);
  // Arriving from "Limit this tool" in the public catalogue.
  const intent = limitIntent(await catalogueForRequest(), await searchParams);
  return (
    <>
      <PageHeader title="Servers" description="The MCP servers your agents reach through Toolgate." />
      {intent !== undefined ? (
        <CatalogueIntentNotice intent={intent} />
      ) : (
        <FirstRunChecklist steps={firstRun} />
      )}
      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="server-list" className="lg:col-span-2">
          <h2 id="server-list" className="sr-only">
            Registered servers
          </h2>
          {servers.length === 0 ? (
            <EmptyState
              title="No servers yet"
              description={
                can(session.ctx.role, "manage_servers")
                  ? "Register your first MCP server with the form: Toolgate reads its tools, classifies their risk and puts a policy in front of it."
                  : "An admin or policy manager registers MCP servers; they will be listed here."
              }
            />
          ) : (
            <ul className={`${styles.card} divide-y divide-slate-100`}>
              {servers.map((server) => (
                <li key={server.id} className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
                  <div className="min-w-0">
                    <Link href={`/servers/${server.id}`} className={`${styles.link} text-base`}>
                      {server.name}
                    </Link>
                    <p className="truncate font-mono text-xs text-slate-500">{server.url}</p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1 text-xs text-slate-500">
                    <Badge tone="blue">{transportLabels[server.transport] ?? server.transport}</Badge>
                    <span>Scanned {formatDateTime(server.lastScannedAt)}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        {can(session.ctx.role, "manage_servers") ? (
          <section aria-labelledby="add-server" className={`${styles.card} h-fit p-6`}>
            <h2 id="add-server" className="mb-4 text-base font-semibold">
              Register a server
            </h2>
            <AddServerForm
              intent={
                intent === undefined
                  ? undefined
                  : { catalogue: intent.server.slug, tool: intent.tool.name, name: intent.server.slug }
              }
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
