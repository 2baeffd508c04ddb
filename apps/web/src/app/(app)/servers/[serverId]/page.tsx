import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { CopyButton } from "@/components/copy-button";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import { AppError } from "@/server/app-error";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { getServerDetail } from "@/server/servers/get-server-detail";
import { requireSession } from "@/server/session";
import { PolicyEditor } from "./policy-editor";

export const metadata: Metadata = { title: "Server" };

async function loadDetail(serverId: string) {
  const session = await requireSession();
  try {
    return { session, detail: await getServerDetail(getDeps(), session.ctx, serverId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ServerPage({ params }: { params: Promise<{ serverId: string }> }) {
  const { serverId } = await params;
  const { session, detail } = await loadDetail(serverId);
  const { server, catalogue, policy, gatewayUrl } = detail;
  const policyText = JSON.stringify(policy.document, null, 2);

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
      />

      <section aria-labelledby="gateway-heading" className={`${styles.card} mb-8 p-6`}>
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
      </section>

      <div className="grid gap-8 xl:grid-cols-5">
        <section aria-labelledby="catalogue-heading" className="xl:col-span-3">
          <h2 id="catalogue-heading" className="mb-3 text-base font-semibold">
            Catalogue <span className="font-normal text-slate-500">({catalogue.length} tools)</span>
          </h2>
          <div className={`${styles.card} overflow-x-auto`}>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Tool
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Class
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {catalogue.map((tool) => (
                  <tr key={tool.id} className="align-top">
                    <td className="px-4 py-3">
                      <p className="font-mono font-medium">{tool.name}</p>
                      <p className="mt-1 max-w-md text-slate-600">{tool.description}</p>
                    </td>
                    <td className="px-4 py-3">
                      <div className="flex flex-col items-start gap-1">
                        <Badge tone={toneFor(tool.category)}>{tool.category}</Badge>
                        <Badge tone={toneFor(tool.risk)}>{tool.risk} risk</Badge>
                      </div>
                    </td>
                    <td className="px-4 py-3 text-slate-600">{tool.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="policy-heading" className="self-start xl:sticky xl:top-6 xl:col-span-2">
          <h2 id="policy-heading" className="mb-3 text-base font-semibold">
            Policy
          </h2>
          <div className={`${styles.card} p-6`}>
            <PolicyEditor
              serverId={server.id}
              initialText={policyText}
              currentVersion={policy.version}
              canPublish={can(session.ctx.role, "manage_policies")}
            />
          </div>
        </section>
      </div>
    </>
  );
}
