import { parseArgs } from "node:util";
import { createApiClient } from "./api-client";
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "./cli-error";
import type { CliOptions, CommandContext } from "./command-context";
import { approvalsCommand } from "./commands/approvals-command";
import { auditCommand } from "./commands/audit-command";
import { grantsCommand } from "./commands/grants-command";
import { loginCommand } from "./commands/login-command";
import { logsCommand } from "./commands/logs-command";
import { policyCommand } from "./commands/policy-command";
import { serversCommand } from "./commands/servers-command";
import { resolveConfig } from "./config";
import { formatJson, type Io } from "./output";
import { usage } from "./usage";

const commands: Record<string, (ctx: CommandContext) => Promise<void>> = {
  login: loginCommand,
  servers: serversCommand,
  policy: policyCommand,
  grants: grantsCommand,
  logs: logsCommand,
  approvals: approvalsCommand,
  audit: auditCommand,
};

const optionSpec = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  url: { type: "string" },
  key: { type: "string" },
  message: { type: "string", short: "m" },
  base: { type: "string" },
  out: { type: "string", short: "o" },
  header: { type: "string", multiple: true },
  server: { type: "string" },
  servers: { type: "string" },
  args: { type: "string" },
  draft: { type: "string" },
  reason: { type: "string" },
  follow: { type: "boolean", short: "f" },
  interval: { type: "string" },
  limit: { type: "string" },
  decision: { type: "string" },
  tool: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string" },
} as const;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  readStdin: () => readAll(process.stdin),
  fetch,
};

function report(error: unknown, io: Io, json: boolean): number {
  if (!(error instanceof CliError)) {
    io.err(
      `toolgate: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
  if (json) {
    io.err(formatJson({ error: { code: error.code, message: error.message, issues: error.issues } }));
  } else {
    const lines = [
      `toolgate: ${error.message}`,
      ...error.issues.map((issue) => `  ${issue.path || "/"}: ${issue.message}`),
    ];
    if (error.exitCode === EXIT_USAGE) lines.push("Run `toolgate --help` for usage.");
    io.err(`${lines.join("\n")}\n`);
  }
  return error.exitCode;
}

/** Runs one command line; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let options: CliOptions = { json: argv.includes("--json") };
  try {
    const parsed = (() => {
      try {
        return parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
      } catch (error) {
        throw new CliError("usage", error instanceof Error ? error.message : String(error), {
          exitCode: EXIT_USAGE,
          cause: error,
        });
      }
    })();
    const { help, json, ...rest } = parsed.values;
    options = { ...rest, json: json ?? false };
    const [name, ...positionals] = parsed.positionals;
    const command = name === undefined ? undefined : commands[name];
    if (help || command === undefined) {
      io.out(usage);
      return help ? 0 : EXIT_USAGE;
    }
    const resolved = options;
    await command({
      positionals,
      options: resolved,
      io,
      api: () => createApiClient(resolveConfig(resolved, io.env), io.fetch),
      print: (value, human) => io.out(resolved.json ? formatJson(value) : `${human()}\n`),
    });
    return 0;
  } catch (error) {
    return report(error, io, options.json);
  }
}
