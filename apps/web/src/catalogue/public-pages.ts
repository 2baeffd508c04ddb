import type { CatalogueIndex, IndexedServer, IndexedTool } from "./catalogue-index";

/** The path of a server's page. */
export function serverPath(slug: string): string {
  return `/catalogue/${slug}`;
}

/** The path of a tool's page (tool names are used as they are, percent-encoded). */
export function toolPath(serverSlug: string, toolName: string): string {
  return `/catalogue/${serverSlug}/${encodeURIComponent(toolName)}`;
}

/** Where "Limit this tool" starts: sign-in if needed, then the tenant's builder. */
export function limitPath(serverSlug: string, toolName: string): string {
  return `${toolPath(serverSlug, toolName)}/limit`;
}

/** A route parameter back to a tool name, tolerating values Next already decoded. */
export function toolNameFromParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export type PageMeta = { path: string; title: string; description: string };

/** Cuts a text at a word boundary to at most `max` characters (meta descriptions). */
export function clip(text: string, max = 158): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

function firstSentence(text: string | undefined): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

export const LANDING_META: PageMeta = {
  path: "/",
  title: "Toolgate: a policy gateway for MCP tool calls",
  description:
    "Put every MCP tool call your AI agents make behind your rules: allow, rate-limit, require approval or block each tool, and log every call. Free to start.",
};

export function catalogueMeta(index: CatalogueIndex): PageMeta {
  return {
    path: "/catalogue",
    title: "MCP server and tool catalogue, risk-classified",
    description: clip(
      `${index.servers.length} MCP servers and ${index.toolCount} tools, each classified Read, Write, Execute or Destructive with a risk level and a recommended Toolgate policy.`,
    ),
  };
}

export function serverMeta({ server, tools, counts }: IndexedServer): PageMeta {
  const mix = (["Read", "Write", "Execute", "Destructive"] as const)
    .filter((category) => counts[category] > 0)
    .map((category) => `${counts[category]} ${category}`)
    .join(", ");
  return {
    path: serverPath(server.slug),
    title: `${server.name} MCP server: ${tools.length} tools and their risks`,
    description: clip(
      `The ${server.name} MCP server's ${tools.length} tools catalogued and risk-classified (${mix}), with a recommended policy for each. ${firstSentence(server.description)}`,
    ),
  };
}

export function toolMeta({ server, tool, riskClass }: IndexedTool): PageMeta {
  return {
    path: toolPath(server.slug, tool.name),
    title: `${tool.name} (${server.name} MCP): ${riskClass.category} tool, ${riskClass.risk} risk`,
    description: clip(
      `${tool.name} on the ${server.name} MCP server is a ${riskClass.category} tool with ${riskClass.risk} risk. ${firstSentence(tool.description)} How to allow, rate-limit, require approval for or block it.`,
    ),
  };
}

/** Every public page with its title and description: the sitemap and its test read this. */
export function publicPages(index: CatalogueIndex): PageMeta[] {
  return [
    LANDING_META,
    catalogueMeta(index),
    ...index.servers.flatMap((entry) => [serverMeta(entry), ...entry.tools.map(toolMeta)]),
  ];
}

/** The builder of a tenant's server with a catalogue tool's recommended rule as a draft. */
export function builderDraftPath(serverId: string, serverSlug: string, toolName: string): string {
  return `/servers/${serverId}/policy?${new URLSearchParams({ catalogue: serverSlug, tool: toolName })}`;
}

/** The register-server step, carrying which catalogue tool to limit afterwards. */
export function registerForToolPath(serverSlug: string, toolName: string): string {
  return `/servers?${new URLSearchParams({ catalogue: serverSlug, tool: toolName })}`;
}
