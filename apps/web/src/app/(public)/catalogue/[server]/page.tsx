import type { Metadata } from "next";
// Plain links: each catalogue page is a full server render, so the client router adds only weight.
import { notFound } from "next/navigation";
import { CATEGORIES } from "@/catalogue/catalogue-index";
import { pageMetadata } from "@/catalogue/page-metadata";
import { serverMeta, toolPath } from "@/catalogue/public-pages";
import { siteUrl } from "@/catalogue/site-url";
import { ClassBadges } from "@/components/public/class-badges";
import { JsonLd } from "@/components/public/json-ld";
import { styles } from "@/components/styles";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";

// Rendered per request: tenants' published servers join the index at run time.
export const dynamic = "force-dynamic";

type Params = Promise<{ server: string }>;

async function findServer(slug: string) {
  const entry = (await catalogueForRequest()).server(slug);
  if (entry === undefined) notFound();
  return entry;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return pageMetadata(serverMeta(await findServer((await params).server)));
}

const CATEGORY_NOTES = {
  Read: "Return data without changing anything. Recommended: allow.",
  Write: "Change state on the server. Recommended: 30 calls per minute per agent.",
  Execute: "Run something on the server's side. Recommended: 10 calls per minute per agent.",
  Destructive: "Delete or overwrite. Recommended: hidden until you decide otherwise.",
} as const;

export default async function CatalogueServerPage({ params }: { params: Params }) {
  const entry = await findServer((await params).server);
  const { server, tools, counts } = entry;
  const meta = serverMeta(entry);
  const source =
    server.source.kind === "npm"
      ? `npm package ${server.source.package} ${server.source.version}`
      : server.source.kind === "fixture"
        ? "Toolgate's virtualization fixture"
        : `published by ${server.source.organisation}`;
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "SoftwareApplication",
          name: `${server.name} MCP server`,
          description: server.description,
          applicationCategory: "DeveloperApplication",
          url: new URL(meta.path, await siteUrl()).href,
          ...(server.source.kind === "npm" ? { softwareVersion: server.source.version } : {}),
        }}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <a href="/catalogue" className="hover:text-slate-700">
          Catalogue
        </a>{" "}
        / {server.name}
      </nav>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{server.name} MCP server</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{server.description}</p>
      <p className="mt-3 text-sm text-slate-500">
        {tools.length} tools catalogued and risk-classified · listed from {source} on{" "}
        <time dateTime={server.importedAt}>{server.importedAt.slice(0, 10)}</time>
        {server.serverInfo
          ? ` · reports itself as ${server.serverInfo.name} ${server.serverInfo.version}`
          : ""}
      </p>
      {server.source.kind === "npm" ? (
        <p className="mt-1 font-mono text-xs text-slate-500">{server.source.command}</p>
      ) : null}
      {CATEGORIES.filter((category) => counts[category] > 0).map((category) => (
        <section key={category} aria-labelledby={`category-${category}`} className="mt-8">
          <h2 id={`category-${category}`} className="text-lg font-semibold">
            {category} tools ({counts[category]})
          </h2>
          <p className="text-sm text-slate-600">{CATEGORY_NOTES[category]}</p>
          <ul className={`${styles.card} mt-3 divide-y divide-slate-100`}>
            {tools
              .filter((tool) => tool.riskClass.category === category)
              .map(({ tool, riskClass }) => (
                <li key={tool.name} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div className="min-w-0 flex-1">
                    <a href={toolPath(server.slug, tool.name)} className={`${styles.link} font-mono`}>
                      {tool.name}
                    </a>
                    <p className="line-clamp-2 text-sm text-slate-600">{tool.description}</p>
                  </div>
                  <ClassBadges riskClass={riskClass} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
