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
