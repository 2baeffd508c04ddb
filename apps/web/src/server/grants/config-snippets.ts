export type ConfigSnippets = { typescript: string; cursor: string };

/** Ready-to-paste client configurations that call the gateway with a grant token. */
export function configSnippets(input: {
  gatewayUrl: string;
  token: string;
  serverName: string;
}): ConfigSnippets {
  const url = JSON.stringify(input.gatewayUrl);
  const authorization = JSON.stringify(`Bearer ${input.token}`);
  const typescript = [
    'import { Client } from "@modelcontextprotocol/sdk/client/index.js";',
    'import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";',
    "",
    `const transport = new StreamableHTTPClientTransport(new URL(${url}), {`,
    `  requestInit: { headers: { Authorization: ${authorization} } },`,
    "});",
    'const client = new Client({ name: "my-agent", version: "1.0.0" });',
    "await client.connect(transport);",
    "console.log(await client.listTools());",
  ].join("\n");
  const cursor = JSON.stringify(
    {
      mcpServers: {
        [input.serverName]: { url: input.gatewayUrl, headers: { Authorization: `Bearer ${input.token}` } },
      },
    },
    null,
    2,
  );
  return { typescript, cursor };
}
