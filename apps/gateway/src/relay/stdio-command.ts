import { GatewayError } from "../errors/gateway-error";

/** A process to spawn for a stdio server: no shell is involved. */
export type StdioCommand = { command: string; args: string[] };

const PREFIX = "stdio:";

/**
 * Parses a stdio server URL, `stdio:<command> [args…]`, e.g. `stdio:npx -y @modelcontextprotocol/server-everything`.
 * Words split on whitespace; single or double quotes keep spaces inside one word; there is no shell.
 */
export function parseStdioCommand(url: string): StdioCommand {
  if (!url.startsWith(PREFIX)) {
    throw new GatewayError("upstream_unavailable", "A stdio server's URL must start with 'stdio:'.");
  }
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of url.slice(PREFIX.length).matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? "");
  }
  const [command, ...args] = words;
  if (command === undefined || command === "") {
    throw new GatewayError(
      "upstream_unavailable",
      "A stdio server's URL names no command, e.g. 'stdio:npx -y my-server'.",
    );
  }
  return { command, args };
}
