import { describe, expect, it } from "vitest";
import { oauthSnippets } from "./oauth-snippets";

const input = { gatewayUrl: "https://gw.example/acme/virtualization/mcp", serverName: "virtualization" };

describe("oauthSnippets", () => {
  it("gives every OAuth client the gateway URL and never a token", () => {
    const snippets = oauthSnippets(input);
    expect(snippets.map((s) => s.id)).toEqual(["claude", "chatgpt", "vscode", "claude-code"]);
    for (const snippet of snippets) {
      expect(snippet.snippet).toContain(input.gatewayUrl);
      expect(snippet.snippet).not.toMatch(/Bearer|tg_grt_|Authorization/);
    }
  });

  it("gives VS Code an http server entry and Claude Code its add command", () => {
    const [, , vscode, claudeCode] = oauthSnippets(input);
    expect(JSON.parse(vscode?.snippet ?? "")).toEqual({
      servers: { virtualization: { type: "http", url: input.gatewayUrl } },
    });
    expect(claudeCode?.snippet).toBe(`claude mcp add --transport http virtualization ${input.gatewayUrl}`);
  });
});
