export type ConfigSnippets = { cursor: string; vscode: string; claude: string; typescript: string };

/** The clients a snippet exists for, in the order the dashboard shows them. */
export const snippetClients = [
  { id: "cursor", label: "Cursor", file: "~/.cursor/mcp.json" },
  { id: "vscode", label: "VS Code", file: ".vscode/mcp.json" },
  { id: "claude", label: "Claude Desktop", file: "claude_desktop_config.json" },
  { id: "typescript", label: "TypeScript MCP SDK", file: "agent.ts" },
] as const satisfies readonly { id: keyof ConfigSnippets; label: string; file: string }[];

/** Shown instead of a token when none is at hand (it is only ever shown once, at creation). */
export const TOKEN_PLACEHOLDER = "<your-grant-token>";

/** Ready-to-paste client configurations that call the gateway with a grant token. */
export function configSnippets(input: {
  gatewayUrl: string;
  token: string;
  serverName: string;
}): ConfigSnippets {
  const bearer = `Bearer ${input.token}`;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const cursor = json({
    mcpServers: { [input.serverName]: { url: input.gatewayUrl, headers: { Authorization: bearer } } },
  });
  const vscode = json({
    servers: {
      [input.serverName]: { type: "http", url: input.gatewayUrl, headers: { Authorization: bearer } },
    },
  });
  // Claude Desktop's config file starts local (stdio) servers; mcp-remote bridges to a remote URL.
  const claude = json({
    mcpServers: {
      [input.serverName]: {
        command: "npx",
        args: ["-y", "mcp-remote", input.gatewayUrl, "--header", `Authorization:${"$"}{TOOLGATE_AUTH}`],
        env: { TOOLGATE_AUTH: bearer },
      },
    },
  });
  const typescript = [
    'import { Client } from "@modelcontextprotocol/sdk/client/index.js";',
    'import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";',
    "",
    `const transport = new StreamableHTTPClientTransport(new URL(${JSON.stringify(input.gatewayUrl)}), {`,
    `  requestInit: { headers: { Authorization: ${JSON.stringify(bearer)} } },`,
    "});",
    'const client = new Client({ name: "my-agent", version: "1.0.0" });',
    "await client.connect(transport);",
    "console.log(await client.listTools());",
  ].join("\n");
  return { cursor, vscode, claude, typescript };
}
