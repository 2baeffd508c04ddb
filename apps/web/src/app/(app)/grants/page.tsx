import type { Metadata } from "next";
import { Badge } from "@/components/badge";
import { CopyButton } from "@/components/copy-button";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { listGrants } from "@/server/grants/list-grants";
import { tenantUrlNameMapping } from "@/server/grants/tenant-url-names";
import { tenantGatewayUrlFor } from "@/server/servers/gateway-url";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { CreateGrantForm } from "./create-grant-form";
import { RevokeGrantButton } from "./revoke-grant-button";
import { RotateGrantButton } from "./rotate-grant-button";

export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage() {
  const session = await requireSession();
  const { db, gatewayUrl } = getDeps();
  const tenantUrl = tenantGatewayUrlFor(gatewayUrl, session.tenant.slug);
  const [grants, servers, renamed] = await Promise.all([
    listGrants(db, session.ctx),
    listServers(db, session.ctx),
    tenantUrlNameMapping(db, session.ctx),
  ]);
  const serverNames = new Map(servers.map((server) => [server.id, server.name]));
  const canManage = can(session.ctx.role, "manage_grants");

  return (
    <>
      <PageHeader
        title="Grants"
        description="A grant is a bearer token for one agent. Revoke it and that agent is cut off."
      />
      <section
        aria-labelledby="tenant-url"
        className={`${styles.card} mb-8 flex flex-wrap items-center gap-3 p-6`}
      >
        <h2 id="tenant-url" className="text-base font-semibold">
          Tenant URL
        </h2>
        <code className="min-w-0 font-mono text-sm break-all">{tenantUrl}</code>
        <CopyButton text={tenantUrl} label="Copy tenant URL" />
        <p className="w-full text-sm text-slate-600">
          One MCP endpoint for every server a grant may use; tools appear as <code>server__tool</code>, each
          under its own server&apos;s policy. Each server page keeps its own URL.
        </p>
        {renamed.length > 0 ? (
          <div className="w-full">
            <h3 className="mb-2 text-sm font-semibold">Renamed tools</h3>
            <p className="mb-2 text-sm text-slate-600">
              Names longer than 64 characters are shortened with a hash, and a server may have its own prefix;
              on the tenant URL these tools appear as:
            </p>
            <table className="min-w-full text-sm" aria-label="Renamed tools on the tenant URL">
              <thead className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-1 pr-4">
                    Name on the tenant URL
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    Server
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    Tool
                  </th>
                </tr>
              </thead>
              <tbody>
                {renamed.map((entry) => (
                  <tr key={entry.exposed}>
                    <td className="py-1 pr-4 font-mono text-xs break-all">
                      {entry.exposed}
                      {entry.shortened ? (
                        <span className="ml-2 font-sans text-slate-500">(shortened)</span>
                      ) : null}
                    </td>
                    <td className="py-1 pr-4">{entry.serverName}</td>
                    <td className="py-1 pr-4 font-mono text-xs break-all">{entry.tool}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canManage ? (
        <section aria-labelledby="create-grant" className={`${styles.card} mb-8 p-6`}>
          <h2 id="create-grant" className="mb-4 text-base font-semibold">
            Create a grant
          </h2>
          <CreateGrantForm servers={servers.map((server) => ({ id: server.id, name: server.name }))} />
        </section>
      ) : null}
      <section aria-labelledby="grant-list" className={`${styles.card} relative overflow-x-auto`}>
        <h2 id="grant-list" className="sr-only">
          Grants
        </h2>
        {grants.length === 0 ? (
          <p className="p-10 text-center text-sm text-slate-600">No grants yet. Create one for each agent.</p>
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Label
                </th>
                <th scope="col" className="px-4 py-3">
                  Token
                </th>
                <th scope="col" className="px-4 py-3">
                  Server
                </th>
                <th scope="col" className="px-4 py-3">
                  Created
                </th>
                <th scope="col" className="px-4 py-3">
                  Last used
                </th>
                <th scope="col" className="px-4 py-3">
                  Expires
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {grants.map((grant) => (
                <tr key={grant.id}>
                  <td className="px-4 py-3 font-medium">{grant.label}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-600">
                    {grant.oauthClient === null ? (
                      `${grant.tokenPrefix}…`
                    ) : (
                      <span className="font-sans" title={grant.oauthClient.id}>
                        OAuth · {grant.oauthClient.name}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {grant.serverId !== null
                      ? (serverNames.get(grant.serverId) ?? "—")
                      : grant.servers === null
                        ? "All servers"
                        : grant.servers.length === 0
                          ? "No servers (all deleted)"
                          : grant.servers.map((id) => serverNames.get(id) ?? id).join(", ")}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    {formatDateTime(grant.createdAt)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    {formatDateTime(grant.lastUsedAt)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    {grant.expiresAt === null ? "Never" : formatDateTime(grant.expiresAt)}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={toneFor(grant.status)}>{grant.status}</Badge>
                  </td>
                  <td className="px-4 py-3 text-right">
                    {canManage && grant.status === "active" ? (
                      <div className="flex flex-col items-end gap-2">
                        <RotateGrantButton grantId={grant.id} label={grant.label} />
                        <RevokeGrantButton grantId={grant.id} label={grant.label} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
