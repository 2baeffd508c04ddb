import type { Metadata } from "next";
// Plain links: each catalogue page is a full server render, so the client router adds only weight.
import { notFound } from "next/navigation";
import { describeInputSchema } from "@/catalogue/input-schema-words";
import { pageMetadata } from "@/catalogue/page-metadata";
import { limitPath, serverPath, toolMeta, toolNameFromParam, toolPath } from "@/catalogue/public-pages";
import { relatedTools } from "@/catalogue/related-tools";
import { siteUrl } from "@/catalogue/site-url";
import { toolGuidance } from "@/catalogue/tool-guidance";
import { ClassBadges } from "@/components/public/class-badges";
import { InlineCode } from "@/components/public/inline-code";
import { JsonLd } from "@/components/public/json-ld";
import { PolicyJson } from "@/components/public/policy-json";
import { styles } from "@/components/styles";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";

// Rendered per request: tenants' published servers join the index at run time.
export const dynamic = "force-dynamic";

type Params = Promise<{ server: string; tool: string }>;

async function findTool(params: Params) {
  const { server, tool } = await params;
  const found = (await catalogueForRequest()).tool(server, toolNameFromParam(tool));
  if (found === undefined) notFound();
  return found;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return pageMetadata(toolMeta(await findTool(params)));
}

const sectionTitle = "text-xl font-semibold tracking-tight";

export default async function CatalogueToolPage({ params }: { params: Params }) {
  const indexed = await findTool(params);
  const { server, tool, riskClass } = indexed;
  const guidance = toolGuidance(indexed);
  const args = describeInputSchema(tool.inputSchema);
  const related = relatedTools(await catalogueForRequest(), indexed);
  const origin = await siteUrl();
  const meta = toolMeta(indexed);
  return (
    <article>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@graph": [
            {
              "@type": "BreadcrumbList",
              itemListElement: [
                {
                  "@type": "ListItem",
                  position: 1,
                  name: "Catalogue",
                  item: new URL("/catalogue", origin).href,
                },
                {
                  "@type": "ListItem",
                  position: 2,
                  name: server.name,
                  item: new URL(serverPath(server.slug), origin).href,
                },
                { "@type": "ListItem", position: 3, name: tool.name, item: new URL(meta.path, origin).href },
              ],
            },
            {
              "@type": "TechArticle",
              headline: meta.title,
              description: meta.description,
              url: new URL(meta.path, origin).href,
              about: { "@type": "SoftwareApplication", name: `${server.name} MCP server` },
            },
            {
              "@type": "FAQPage",
              mainEntity: guidance.faq.map((entry) => ({
                "@type": "Question",
                name: entry.question,
                acceptedAnswer: { "@type": "Answer", text: entry.answer },
              })),
            },
          ],
        }}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <a href="/catalogue" className="hover:text-slate-700">
          Catalogue
        </a>{" "}
        /{" "}
        <a href={serverPath(server.slug)} className="hover:text-slate-700">
          {server.name}
        </a>{" "}
        / {tool.name}
      </nav>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-mono text-3xl font-semibold tracking-tight">{tool.name}</h1>
          <p className="mt-1 text-slate-600">
            A tool of the{" "}
            <a href={serverPath(server.slug)} className={styles.link}>
              {server.name} MCP server
            </a>{" "}
            · {server.tools.length} tools catalogued and risk-classified
          </p>
          <p className="mt-2 text-lg" data-testid="tool-class">
            {riskClass.category} tool, {riskClass.risk} risk <ClassBadges riskClass={riskClass} />
          </p>
        </div>
        <a href={limitPath(server.slug, tool.name)} className={styles.primaryButton} rel="nofollow">
          Limit this tool →
        </a>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <div className="space-y-10 lg:col-span-2">
          <section aria-labelledby="what">
            <h2 id="what" className={sectionTitle}>
              What it does
            </h2>
            <p className="mt-2 text-slate-700">
              {tool.description?.trim() || "The server gives no description."}
            </p>
            <h3 className="mt-4 font-semibold">Input</h3>
            {args.length === 0 ? (
              <p className="text-sm text-slate-600">It takes no arguments.</p>
            ) : (
              <table className="mt-2 w-full text-left text-sm">
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Argument</th>
                    <th className="py-1 pr-3 font-medium">Type</th>
                    <th className="py-1 font-medium">Meaning</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {args.map((arg) => (
                    <tr key={arg.name} className="align-top">
                      <td className="py-1.5 pr-3 font-mono">
                        {arg.name}
                        <span className="block font-sans text-xs text-slate-500">
                          {arg.required ? "required" : "optional"}
                        </span>
                      </td>
                      <td className="py-1.5 pr-3">{arg.type}</td>
                      <td className="py-1.5 text-slate-600">{arg.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="risk">
            <h2 id="risk" className={sectionTitle}>
              Category and risk
            </h2>
            <p className="mt-2 text-slate-700">
              <strong>
                {riskClass.category} tool, {riskClass.risk} risk.
              </strong>{" "}
              Why: {riskClass.reason}.
            </p>
            {riskClass.actions ? (
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {Object.entries(riskClass.actions).map(([action, actionClass]) => (
                  <li key={action} className="flex items-center gap-1">
                    <code className="font-mono">{action}</code> <ClassBadges riskClass={actionClass} />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby="why">
            <h2 id="why" className={sectionTitle}>
              Why it needs a policy
            </h2>
            {guidance.why.map((paragraph) => (
              <p key={paragraph} className="mt-2 text-slate-700">
                <InlineCode text={paragraph} />
              </p>
            ))}
            <h3 className="mt-4 font-semibold">Known attack patterns</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
              {guidance.attacks.map((attack) => (
                <li key={attack}>
                  <InlineCode text={attack} />
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="recommended">
            <h2 id="recommended" className={sectionTitle}>
              Recommended policy
            </h2>
            <div className="mt-3">
              <PolicyJson policy={guidance.recommended} label="Recommended policy JSON" />
            </div>
            <h3 className="mt-4 font-semibold">What this rule does</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
              {guidance.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3 className="mt-4 font-semibold">Apply it in three steps</h3>
            <ol className="mt-1 list-decimal space-y-1 pl-5 text-slate-700">
              <li>
                <a href={limitPath(server.slug, tool.name)} className={styles.link} rel="nofollow">
                  Limit this tool
                </a>
                : sign up (free) and register your {server.name} server.
              </li>
              <li>
                The policy builder opens with this rule applied as a draft: review it, simulate a call,
                publish.
              </li>
              <li>
                Copy the gateway URL and a grant token into your MCP client; every call to {tool.name} now
                passes the rule.
              </li>
            </ol>
          </section>

          <section aria-labelledby="options">
            <h2 id="options" className={sectionTitle}>
              Allow, rate-limit, require approval or block {tool.name}
            </h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              {guidance.options.map((option) => (
                <div key={option.key} className={`${styles.card} p-4`}>
                  <h3 className="font-semibold">{option.title}</h3>
                  <p className="mt-1 mb-2 text-sm text-slate-600">{option.text}</p>
                  <PolicyJson policy={option.policy} label={`${option.title} policy JSON`} />
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="faq">
            <h2 id="faq" className={sectionTitle}>
              FAQ
            </h2>
            <dl className="mt-3 space-y-4">
              {guidance.faq.map((entry) => (
                <div key={entry.question}>
                  <dt className="font-semibold">{entry.question}</dt>
                  <dd className="mt-1 text-slate-700">{entry.answer}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>

        <aside className="space-y-4">
          <div className={`${styles.card} p-5`}>
            <p className="font-semibold">Put {tool.name} behind a rule</p>
            <p className="mt-1 text-sm text-slate-600">
              Toolgate sits between your agents and {server.name}; the rule above applies to every call.
            </p>
            <a
              href={limitPath(server.slug, tool.name)}
              className={`${styles.primaryButton} mt-3 w-full`}
              rel="nofollow"
            >
              Limit this tool →
            </a>
          </div>
          {related.length > 0 ? (
            <nav aria-labelledby="related" className={`${styles.card} p-5`}>
              <h2 id="related" className="font-semibold">
                Related tools
              </h2>
              <ul className="mt-2 space-y-2">
                {related.map((other) => (
                  <li key={other.tool.name} className="flex items-center justify-between gap-2">
                    <a
                      href={toolPath(server.slug, other.tool.name)}
                      className={`${styles.link} truncate font-mono text-sm`}
                    >
                      {other.tool.name}
                    </a>
                    <ClassBadges riskClass={other.riskClass} />
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
