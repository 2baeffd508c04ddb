import type { Metadata } from "next";
// Plain links: each catalogue page is a full server render, so the client router adds only weight.
import { CATEGORIES, RISKS } from "@/catalogue/catalogue-index";
import { pageMetadata } from "@/catalogue/page-metadata";
import { catalogueMeta, serverPath, toolPath } from "@/catalogue/public-pages";
import { catalogueQuerySchema, searchCatalogue } from "@/catalogue/search-catalogue";
import { siteUrl } from "@/catalogue/site-url";
import { Badge } from "@/components/badge";
import { ClassBadges } from "@/components/public/class-badges";
import { JsonLd } from "@/components/public/json-ld";
import { styles } from "@/components/styles";
import { toneFor } from "@/components/tones";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";

// Rendered per request: tenants' published servers join the index at run time.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(catalogueMeta(await catalogueForRequest()));
}

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const index = await catalogueForRequest();
  const query = catalogueQuerySchema.parse(await searchParams);
  const results = searchCatalogue(index, query);
  const filtering = query.q !== undefined || query.category !== undefined || query.risk !== undefined;
  const meta = catalogueMeta(index);
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "CollectionPage",
          name: meta.title,
          description: meta.description,
          url: new URL(meta.path, await siteUrl()).href,
        }}
      />
      <h1 className="text-3xl font-semibold tracking-tight">MCP tool catalogue</h1>
      <p className="mt-2 max-w-3xl text-slate-600">
        {index.servers.length} MCP servers and {index.toolCount} tools, each classified Read, Write, Execute
        or Destructive with a risk level, the reason, and the policy we recommend before an agent may call it.
      </p>
      <search>
        <form
          method="get"
          action="/catalogue"
          className={`${styles.card} mt-6 flex flex-wrap items-end gap-3 p-4`}
        >
          <label className="min-w-64 flex-1">
            <span className={styles.label}>Search servers and tools</span>
            <input
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder="e.g. mount iso, delete, file"
              className={`${styles.input} mt-1`}
            />
          </label>
          <label>
            <span className={styles.label}>Category</span>
            <select name="category" defaultValue={query.category ?? ""} className={`${styles.input} mt-1`}>
              <option value="">Any</option>
              {CATEGORIES.map((category) => (
                <option key={category}>{category}</option>
              ))}
            </select>
          </label>
          <label>
            <span className={styles.label}>Risk</span>
            <select name="risk" defaultValue={query.risk ?? ""} className={`${styles.input} mt-1`}>
              <option value="">Any</option>
              {RISKS.map((risk) => (
                <option key={risk}>{risk}</option>
              ))}
            </select>
          </label>
          <button type="submit" className={styles.primaryButton}>
            Search
          </button>
        </form>
      </search>

      {filtering ? (
        <section aria-labelledby="tool-results" className="mt-8">
          <h2 id="tool-results" className="text-lg font-semibold">
            {results.totalTools} matching {results.totalTools === 1 ? "tool" : "tools"}
            {results.totalTools > results.tools.length ? ` (first ${results.tools.length} shown)` : ""}
          </h2>
          {results.tools.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No tool matches. Try fewer words or another filter.</p>
          ) : (
            <ul className={`${styles.card} mt-3 divide-y divide-slate-100`}>
              {results.tools.map(({ server, tool, riskClass }) => (
                <li
                  key={`${server.slug}/${tool.name}`}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
                >
                  <div className="min-w-0">
                    <a href={toolPath(server.slug, tool.name)} className={`${styles.link} font-mono`}>
                      {tool.name}
                    </a>
                    <span className="text-sm text-slate-500"> · {server.name}</span>
                    <p className="truncate text-sm text-slate-600">{tool.description}</p>
                  </div>
                  <ClassBadges riskClass={riskClass} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="server-results" className="mt-8">
        <h2 id="server-results" className="text-lg font-semibold">
          {filtering ? `${results.servers.length} matching servers` : "Servers"}
        </h2>
        {filtering ? (
          // A compact list while searching: the tool results above carry the detail.
          <ul className="mt-3 flex flex-wrap gap-2 text-sm">
            {results.servers.map(({ server, tools }) => (
              <li key={server.slug} className="rounded-md bg-white px-3 py-1 ring-1 ring-slate-200">
                <a href={serverPath(server.slug)} className={styles.link}>
                  {server.name}
                </a>{" "}
                <span className="text-slate-500">({tools.length} tools)</span>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {results.servers.map(({ server, tools, counts }) => (
              <li key={server.slug} className={`${styles.card} flex flex-col p-5`}>
                <a href={serverPath(server.slug)} className={`${styles.link} text-base`}>
                  {server.name}
                </a>
                <p className="mt-1 line-clamp-3 flex-1 text-sm text-slate-600">{server.description}</p>
                <p className="mt-3 text-xs text-slate-500">
                  {tools.length} tools catalogued and risk-classified
                </p>
                <div className="mt-2 flex flex-wrap gap-1">
                  {CATEGORIES.filter((category) => counts[category] > 0).map((category) => (
                    <Badge key={category} tone={toneFor(category)}>
                      {counts[category]} {category}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
