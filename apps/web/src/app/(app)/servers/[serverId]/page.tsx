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
import { serverCatalogueState } from "@/server/public-catalogue/publish-server-catalogue";
import { deletionImpact } from "@/server/servers/deletion-impact";
import { getServerDetail } from "@/server/servers/get-server-detail";
import { listMaskedHeaders } from "@/server/servers/masked-headers";
import { requireSession } from "@/server/session";
import { CataloguePublishForm } from "./catalogue-publish-form";
import { catalogueRows } from "./catalogue-rows";
import { CatalogueTable } from "./catalogue-table";
import { EditServerForm } from "./edit-server-form";
import { PolicyEditor } from "./policy-editor";
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
  const snippets = configSnippets({ gatewayUrl, token: TOKEN_PLACEHOLDER, serverName: server.slug });

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
          <span className="font-mono text-xs">
            {server.url} · scanned {formatDateTime(server.lastScannedAt)}
          </span>
        }
        actions={
          canManageServers ? (
            <ServerControls serverId={server.id} serverName={server.name} impact={impact} />
          ) : undefined
        }
      />

      <div className="mb-8 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="gateway-heading" className={`${styles.card} p-6`}>
          <h2 id="gateway-heading" className="text-base font-semibold">
            Gateway URL
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Point your MCP client here, with a grant token as{" "}
            <code className="font-mono">Authorization: Bearer …</code>.
          </p>
          <div className="mt-3 flex items-center gap-2">
            <code
              data-testid="gateway-url"
              className="block min-w-0 flex-1 truncate rounded-md bg-slate-100 px-3 py-2 font-mono text-sm"
            >
              {gatewayUrl}
            </code>
            <CopyButton text={gatewayUrl} label="Copy gateway URL" />
          </div>
          <div className="mt-4">
            <p className="mb-2 text-sm text-slate-600">
              Replace <code className="font-mono">{TOKEN_PLACEHOLDER}</code> with a token from{" "}
              <Link href="/grants" className={styles.link}>
                Grants
              </Link>{" "}
              (new grants show these snippets with the token filled in).
            </p>
            <ConfigSnippetTabs snippets={snippets} />
          </div>
        </section>
        <section aria-labelledby="settings-heading" className={`${styles.card} p-6`}>
          <h2 id="settings-heading" className="mb-3 text-base font-semibold">
            Connection
          </h2>
          {canManageServers ? (
            <EditServerForm
              server={{ id: server.id, name: server.name, url: server.url }}
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
        </section>
      </div>

      <div className="grid gap-8 xl:grid-cols-5">
        <section aria-labelledby="catalogue-heading" className="xl:col-span-3">
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

        <section aria-labelledby="policy-heading" className="self-start xl:sticky xl:top-6 xl:col-span-2">
          <div className="mb-3 flex items-center justify-between">
            <h2 id="policy-heading" className="text-base font-semibold">
              Policy
            </h2>
            <Link href={`/servers/${server.id}/policy`} className={`${styles.link} text-sm`}>
              Open the visual builder →
            </Link>
          </div>
          <div className={`${styles.card} p-6`}>
            <PolicyEditor
              serverId={server.id}
              initialText={JSON.stringify(policy.document, null, 2)}
              currentVersion={policy.version}
              canPublish={can(session.ctx.role, "manage_policies")}
            />
          </div>
        </section>
      </div>
      <CataloguePublishForm
        serverId={server.id}
        publishedAt={publicCatalogue.publishedAt?.toISOString() ?? null}
        publicPath={publicCatalogue.publicPath}
        canPublish={can(session.ctx.role, "publish_catalogue")}
      />
    </>
  );
}
