import { parsePolicy } from "@toolgate/policy-core";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { simulateCall } from "@/builder/simulate-call";
import { explainPolicy } from "@/catalogue/explain-policy";
import { pageMetadata } from "@/catalogue/page-metadata";
import { LANDING_META, toolPath } from "@/catalogue/public-pages";
import { siteUrl } from "@/catalogue/site-url";
import { Badge } from "@/components/badge";
import { JsonLd } from "@/components/public/json-ld";
import { PolicyJson } from "@/components/public/policy-json";
import { styles } from "@/components/styles";
import canonicalPolicy from "@/fixtures/canonical-policy.json";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { routeSession } from "@/server/route-session";

// Rendered per request: tenants' published servers join the index at run time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(LANDING_META, { absoluteTitle: true });
}

const STEPS = [
  [
    "Register your MCP server",
    "Give its URL and credentials (stored encrypted). Toolgate lists its tools and classifies each one.",
  ],
  [
    "Build a policy",
    "Drag tools into Allow, Rate-limit, Require approval, Deny or Hide, or edit the JSON. Simulate, then publish.",
  ],
  [
    "Copy the gateway URL",
    "Point your agent at it with a grant token. Every tool call now passes your rules and is logged.",
  ],
] as const;

// The example calls are evaluated by policy-core on every render, exactly as the gateway would.
const EXAMPLE_CALLS = [
  { tool: "MountIso", args: { vm_name: "build-01", iso_path: "/isos/ubuntu-24.04.iso" } },
  { tool: "DeleteVm", args: { vm_name: "build-01" } },
];

export default async function LandingPage() {
  // Signed-in users keep going to their dashboard.
  if ((await routeSession()) !== null) redirect("/servers");
  const parsed = parsePolicy(canonicalPolicy);
  const policy = parsed.ok ? parsed.policy : { version: "1" as const, default: "deny" as const };
  const ids = { tenantId: "tnt_example", serverId: "srv_example" };
  const decisions = EXAMPLE_CALLS.map((call) => ({
    call,
    result: simulateCall(policy, { ...call, grantId: "grt_example" }, ids),
  }));
  const index = await catalogueForRequest();
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "SoftwareApplication",
          name: "Toolgate",
          applicationCategory: "SecurityApplication",
          description: LANDING_META.description,
          url: (await siteUrl()).href,
          offers: { "@type": "Offer", price: "0", priceCurrency: "USD" },
        }}
      />
      <section className="py-6 text-center">
        <h1 className="mx-auto max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
          Decide what your AI agents may do with every MCP tool
        </h1>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-slate-600">
          Toolgate is a gateway between your agents and the MCP servers they use. Each tool call is allowed,
          rate-limited, held for approval or blocked by your policy before it reaches the server, and logged
          with the rule that decided.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/signup" className={styles.primaryButton}>
            Sign up free
          </Link>
          <Link href="/catalogue" className={styles.secondaryButton}>
            Browse the tool catalogue
          </Link>
        </div>
      </section>

      <section aria-labelledby="steps" className="mt-10">
        <h2 id="steps" className="text-xl font-semibold">
          Three steps
        </h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-3">
          {STEPS.map(([title, text], position) => (
            <li key={title} className={`${styles.card} p-5`}>
              <span className="grid size-8 place-items-center rounded-full bg-indigo-50 font-semibold text-indigo-700">
                {position + 1}
              </span>
              <h3 className="mt-3 font-semibold">{title}</h3>
              <p className="mt-1 text-sm text-slate-600">{text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="example" className="mt-12 grid gap-6 lg:grid-cols-2">
        <div>
          <h2 id="example" className="text-xl font-semibold">
            A live example policy
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Every tool of a virtualization server is denied except{" "}
            <Link href={toolPath("virtualization", "MountIso")} className={styles.link}>
              MountIso
            </Link>
            , which each agent may call 30 times a minute.
          </p>
          <div className="mt-3">
            <PolicyJson policy={policy} label="Example policy JSON" />
          </div>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {explainPolicy(policy, "MountIso").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-semibold">What the gateway decides</h3>
          <ul className="mt-3 space-y-3">
            {decisions.map(({ call, result }) => (
              <li key={call.tool} className={`${styles.card} p-4 text-sm`}>
                <p className="font-mono text-xs text-slate-500">
                  tools/call {call.tool} {JSON.stringify(call.args)}
                </p>
                {result.ok ? (
                  <>
                    <p className="mt-2">
                      <Badge tone={result.decision.outcome === "deny" ? "red" : "green"}>
                        {result.decision.outcome === "deny" ? "denied" : "allowed"}
                      </Badge>{" "}
                      rule <code className="font-mono">{result.decision.rule}</code>
                    </p>
                    <p className="mt-1 text-slate-600">{result.explanation}</p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-slate-600">
            The catalogue has {index.servers.length} MCP servers and {index.toolCount} tools with a
            recommended rule each.{" "}
            <Link href="/catalogue" className={styles.link}>
              Find yours →
            </Link>
          </p>
        </div>
      </section>
    </>
  );
}
