import { describe, expect, it } from "vitest";
import { configSnippets } from "./config-snippets";

const input = {
  gatewayUrl: "http://localhost:4000/acme/virtualization/mcp",
  token: "tg_grt_abc",
  serverName: "virtualization",
};

describe("configSnippets", () => {
  it("gives Cursor an mcp.json entry with the gateway URL and the bearer token", () => {
    const { cursor } = configSnippets(input);
    expect(JSON.parse(cursor)).toEqual({
      mcpServers: {
        virtualization: { url: input.gatewayUrl, headers: { Authorization: "Bearer tg_grt_abc" } },
      },
    });
  });

  it("gives SDK users a client that sends the token as a header", () => {
    const { typescript } = configSnippets(input);
    expect(typescript).toContain(`new URL("${input.gatewayUrl}")`);
    expect(typescript).toContain('Authorization: "Bearer tg_grt_abc"');
  });
});

describe("configSnippets for VS Code and Claude Desktop", () => {
  it("gives VS Code an http server entry with the bearer header", () => {
    const { vscode } = configSnippets(input);
    expect(JSON.parse(vscode)).toEqual({
      servers: {
        virtualization: {
          type: "http",
          url: input.gatewayUrl,
          headers: { Authorization: "Bearer tg_grt_abc" },
        },
      },
    });
  });

  it("bridges Claude Desktop through mcp-remote with the token in the environment, not the arguments", () => {
    const { claude } = configSnippets(input);
    const entry = JSON.parse(claude).mcpServers.virtualization;
    expect(entry.command).toBe("npx");
    expect(entry.args).toContain(input.gatewayUrl);
    expect(entry.args.join(" ")).not.toContain("tg_grt_abc");
    expect(entry.env).toEqual({ TOOLGATE_AUTH: "Bearer tg_grt_abc" });
  });
});
