import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfigSnippetTabs } from "@/components/config-snippet-tabs";
import { CopyButton } from "@/components/copy-button";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { AppError } from "@/server/app-error";
import { getCatalogue } from "@/server/catalogue/get-catalogue";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { configSnippets, TOKEN_PLACEHOLDER } from "@/server/grants/config-snippets";
import { oauthSnippets } from "@/server/grants/oauth-snippets";
import { serverCatalogueState } from "@/server/public-catalogue/publish-server-catalogue";
import { deletionImpact } from "@/server/servers/deletion-impact";
import { tenantGatewayUrlFor } from "@/server/servers/gateway-url";
import { getServerDetail } from "@/server/servers/get-server-detail";
import { listMaskedHeaders } from "@/server/servers/masked-headers";
import { requireSession } from "@/server/session";
import { CataloguePublishForm } from "./catalogue-publish-form";
import { catalogueRows } from "./catalogue-rows";
import { CatalogueTable } from "./catalogue-table";
import { EditServerForm } from "./edit-server-form";
import { PolicyEditor } from "./policy-editor";
import { ResourcesPromptsList } from "./resources-prompts-list";
import { ServerControls } from "./server-controls";

export const metadata: Metadata = { title: "Server" };

async function load(serverId: string) {
  const session = await requireSession();
  const deps = getDeps();
  try {
    const [detail, catalogue, headers, impact, publicCatalogue] = await Promise.all([
      getServerDetail(deps, session.ctx, serverId),
      getCatalogue(deps.db, session.ctx, serverId),
      listMaskedHeaders(deps, session.ctx, serverId),
      deletionImpact(deps.db, session.ctx, serverId),
      serverCatalogueState(deps.db, session.ctx, serverId),
    ]);
    return { session, detail, catalogue, headers, impact, publicCatalogue };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ServerPage({ params }: { params: Promise<{ serverId: string }> }) {
  const { serverId } = await params;
  const { session, detail, catalogue, headers, impact, publicCatalogue } = await load(serverId);
  const { server, policy, gatewayUrl } = detail;
  const canManageServers = can(session.ctx.role, "manage_servers");
  const canPublish = can(session.ctx.role, "manage_policies");
  // Snippets offer the tenant URL first (every server a grant may use); the URL above is this server's own.
  const tenantUrl = tenantGatewayUrlFor(getDeps().gatewayUrl, session.tenant.slug);
  const snippets = configSnippets({
    gatewayUrl: tenantUrl,
    token: TOKEN_PLACEHOLDER,
    serverName: `toolgate-${session.tenant.slug}`,
  });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/servers" className={styles.link}>
          ← Servers
        </Link>
      </p>
      <PageHeader
        title={server.name}
        description={
          <span className="font-mono text-xs break-all">
            {server.url} · scanned {formatDateTime(server.lastScannedAt)}
          </span>
        }
        actions={
          canManageServers ? (
            <ServerControls serverId={server.id} serverName={server.name} impact={impact} />
          ) : undefined
        }
      />

      <div className="mb-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="gateway-heading" className={`${styles.card} min-w-0 p-6`}>
          <h2 id="gateway-heading" className="text-base font-semibold">
            Gateway URL
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Point your MCP client here, with a grant token as{" "}
            <code className="font-mono">Authorization: Bearer …</code>.
          </p>
          <div className="mt-3 flex items-start gap-2">
            <code
              data-testid="gateway-url"
              className="block min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all"
            >
              {gatewayUrl}
            </code>
            <CopyButton text={gatewayUrl} label="Copy gateway URL" />
          </div>
          <details className="group mt-4">
            <summary className="cursor-pointer text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Config snippets for Claude, Cursor, VS Code…
            </summary>
            <div className="mt-3 min-w-0">
              <p className="mb-2 text-sm text-slate-600">
                Replace <code className="font-mono">{TOKEN_PLACEHOLDER}</code> with a token from{" "}
                <Link href="/grants" className={styles.link}>
                  Grants
                </Link>{" "}
                (new grants show these snippets with the token filled in). They use the tenant URL{" "}
                <code className="font-mono break-all">{tenantUrl}</code>, where this server&apos;s tools
                appear as <code className="font-mono">{server.toolPrefix}__&lt;tool&gt;</code>; for this
                server alone, use the gateway URL above.
              </p>
              <ConfigSnippetTabs snippets={snippets} />
            </div>
          </details>
          <details className="group mt-3" data-testid="oauth-snippets">
            <summary className="cursor-pointer text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Or sign in with the URL alone (OAuth): Claude, ChatGPT, VS Code, Claude Code
            </summary>
            <p className="mt-1 text-sm text-slate-600">
              Clients that support MCP sign-in open this dashboard to approve access; approving creates a
              grant for this server.
            </p>
            <ul className="mt-3 space-y-3">
              {oauthSnippets({ gatewayUrl, serverName: server.slug }).map((item) => (
                <li key={item.id}>
                  <p className="text-sm">
                    <strong>{item.label}</strong> <span className="text-slate-600">— {item.how}</span>
                  </p>
                  <div className="mt-1 flex items-start gap-2">
                    <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-xs">
                      {item.snippet}
                    </pre>
                    <CopyButton text={item.snippet} label={`Copy for ${item.label}`} />
                  </div>
                </li>
              ))}
            </ul>
          </details>
        </section>
        <section
          aria-labelledby="policy-heading"
          className={`${styles.card} min-w-0 p-6`}
          data-testid="policy-status"
        >
          <h2 id="policy-heading" className="text-base font-semibold">
            Policy
          </h2>
          {policy.version === null ? (
            <p className="mt-1 text-sm text-slate-600">
              <span className="font-medium text-amber-800">No policy published.</span> Every tool call to this
              server is denied until you publish one. The builder starts from a recommended draft (reads
              allowed, writes rate-limited, destructive tools hidden) that you review before publishing.
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-600">
              Version <span className="font-medium text-slate-900">{policy.version}</span> is in force.
            </p>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href={`/servers/${server.id}/policy`} className={styles.primaryButton}>
              Open the policy builder
            </Link>
          </div>
          {canPublish ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">
                Paste policy JSON (publishes directly)
              </summary>
              <div className="mt-3">
                <PolicyEditor
                  serverId={server.id}
                  initialText={policy.version === null ? "" : JSON.stringify(policy.document, null, 2)}
                  currentVersion={policy.version}
                  canPublish={canPublish}
                />
              </div>
            </details>
          ) : (
            <p className="mt-4 text-sm text-slate-500">Your role can read this policy but not change it.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="catalogue-heading" className="mb-8 min-w-0">
        <h2 id="catalogue-heading" className="mb-3 text-base font-semibold">
          Catalogue <span className="font-normal text-slate-500">({catalogue.tools.length} tools)</span>
        </h2>
        <CatalogueTable
          serverId={server.id}
          tools={catalogueRows(catalogue.tools)}
          canOverride={can(session.ctx.role, "manage_policies")}
          canAccept={canManageServers}
        />
      </section>

      <section aria-labelledby="resources-heading" className="mb-8 min-w-0">
        <h2 id="resources-heading" className="mb-3 text-base font-semibold">
          Resources and prompts
        </h2>
        <ResourcesPromptsList resources={detail.resources} prompts={detail.prompts} />
      </section>

      <details className={`${styles.card} p-6`}>
        <summary className="cursor-pointer text-base font-semibold">Connection settings</summary>
        <div className="mt-4">
          {canManageServers ? (
            <EditServerForm
              server={{
                id: server.id,
                name: server.name,
                url: server.url,
                slug: server.slug,
                toolPrefix: server.toolPrefix,
              }}
              headers={headers}
            />
          ) : (
            <ul className="space-y-1 font-mono text-xs" data-testid="upstream-headers">
              {headers.length === 0 ? <li className="text-slate-500">No upstream headers.</li> : null}
              {headers.map((header) => (
                <li key={header.name}>
                  {header.name}: <span className="text-slate-500">{header.masked}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
      <div className="mt-8">
        <CataloguePublishForm
          serverId={server.id}
          publishedAt={publicCatalogue.publishedAt?.toISOString() ?? null}
          publicPath={publicCatalogue.publicPath}
          canPublish={can(session.ctx.role, "publish_catalogue")}
        />
      </div>
    </>
  );
}
