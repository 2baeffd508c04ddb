import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** A real MCP SDK client connected to a gateway URL with a grant token. */
export async function connectAgent(gatewayUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(gatewayUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/** The text of a tool result's first content block. */
export function resultText(result: unknown): string {
  const content =
    typeof result === "object" && result !== null && "content" in result ? result.content : undefined;
  if (!Array.isArray(content)) return "";
  const first = content[0] as { type?: string; text?: string } | undefined;
  return first?.type === "text" ? (first.text ?? "") : "";
}
