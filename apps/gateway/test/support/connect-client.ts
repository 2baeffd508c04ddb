import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** A real MCP SDK client connected over Streamable HTTP, with the grant token as a bearer header (or none). */
export async function connectClient(
  url: string,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<Client> {
  const client = new Client({ name: "gateway-test", version: "1.0.0" });
  const headers: Record<string, string> = {
    ...extraHeaders,
    ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
  };
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}
