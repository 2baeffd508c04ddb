/** How to add the gateway URL to a client that signs in with OAuth: no token to paste. */
export type OAuthSnippet = { id: string; label: string; how: string; snippet: string };

/** The URL-only setup for the clients that implement MCP authorization, in the order the dashboard shows them. */
export function oauthSnippets(input: { gatewayUrl: string; serverName: string }): OAuthSnippet[] {
  const { gatewayUrl, serverName } = input;
  return [
    {
      id: "claude",
      label: "Claude (web and desktop)",
      how: "Settings → Connectors → Add custom connector: paste the URL, then Connect and allow access.",
      snippet: gatewayUrl,
    },
    {
      id: "chatgpt",
      label: "ChatGPT",
      how: "Settings → Connectors → Create (developer mode): paste the URL as the MCP server URL, authentication OAuth.",
      snippet: gatewayUrl,
    },
    {
      id: "vscode",
      label: "VS Code",
      how: ".vscode/mcp.json — VS Code opens the browser to sign in on first use.",
      snippet: JSON.stringify({ servers: { [serverName]: { type: "http", url: gatewayUrl } } }, null, 2),
    },
    {
      id: "claude-code",
      label: "Claude Code",
      how: "Add the server, then run /mcp in Claude Code and choose Authenticate.",
      snippet: `claude mcp add --transport http ${serverName} ${gatewayUrl}`,
    },
  ];
}
