import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { getDeps } from "@/server/deps";
import { requireSession } from "@/server/session";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const session = await requireSession();
  const description = (
    <>
      Keys for the REST API and the <code>toolgate</code> CLI. Each key acts with the role you give it. See
      the{" "}
      <Link href="/settings/api-reference" className={styles.link}>
        API reference
      </Link>
      .
    </>
  );
  if (session.ctx.role !== "admin") {
    return (
      <>
        <PageHeader title="API keys" description={description} />
        <p className={`${styles.card} p-6 text-sm text-slate-600`}>
          Only admins can create or revoke API keys.
        </p>
      </>
    );
  }
  const keys = await listApiKeys(getDeps().db, session.ctx);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const apiUrl = `${host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https"}://${host}`;
  return (
    <>
      <PageHeader title="API keys" description={description} />
      <section aria-labelledby="create-api-key" className={`${styles.card} mb-8 p-6`}>
        <h2 id="create-api-key" className="mb-4 text-base font-semibold">
          Create an API key
        </h2>
        <CreateApiKeyForm apiUrl={apiUrl} />
      </section>
      <section aria-labelledby="api-key-list" className={`${styles.card} relative overflow-x-auto`}>
        <h2 id="api-key-list" className="sr-only">
          API keys
        </h2>
        {keys.length === 0 ? (
          <p className="p-10 text-center text-sm text-slate-600">No API keys yet.</p>
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                {["Label", "Key", "Role", "Created", "Last used", "Status"].map((title) => (
                  <th key={title} scope="col" className="px-4 py-3">
                    {title}
                  </th>
                ))}
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="px-4 py-3 font-medium">{key.label}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-600">{key.keyPrefix}…</td>
                  <td className="px-4 py-3 text-slate-600">{key.role.replace("_", " ")}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    {formatDateTime(key.createdAt)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    {formatDateTime(key.lastUsedAt)}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={toneFor(key.status)}>{key.status}</Badge>
                  </td>
                  <td className="px-4 py-3 text-right">
                    {key.status === "active" ? (
                      <RevokeApiKeyButton apiKeyId={key.id} label={key.label} />
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
