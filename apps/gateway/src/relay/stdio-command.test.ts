import { describe, expect, it } from "vitest";
import { parseStdioCommand } from "./stdio-command";

describe("parseStdioCommand", () => {
  it.each([
    [
      "stdio:npx -y @modelcontextprotocol/server-everything",
      "npx",
      ["-y", "@modelcontextprotocol/server-everything"],
    ],
    ["stdio:node  server.js   stdio", "node", ["server.js", "stdio"]],
    [
      "stdio:my-server --root \"/srv/my files\" --name 'a b'",
      "my-server",
      ["--root", "/srv/my files", "--name", "a b"],
    ],
    ["stdio:cmd $(rm -rf /) ;ls", "cmd", ["$(rm", "-rf", "/)", ";ls"]], // no shell: these are plain words
  ])("%s", (url, command, args) => {
    expect(parseStdioCommand(url)).toEqual({ command, args });
  });

  it("refuses a URL that is not a stdio command line", () => {
    expect(() => parseStdioCommand("stdio:   ")).toThrow("names no command");
    expect(() => parseStdioCommand("http://x/mcp")).toThrow("must start with 'stdio:'");
  });
});
